import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { Page } from '@platform/http/pagination';
import { Pool } from '@matching/profiles';
import { CandidateImportsService, CandidateImportView } from './candidate-imports.service';
import { POOLS } from './candidate-values';
import { ImportFileMissingError } from './candidates.errors';
import {
  CandidateListItem,
  CandidatesService,
  CandidateView,
  ConsentView,
  ErasedCandidateView,
  NoteView,
} from './candidates.service';
import {
  BsnLookupDto,
  CandidateListQuery,
  CreateCandidateDto,
  CreateNoteDto,
  JobreadyAssessmentDto,
  MaxWwListQuery,
  SignConsentDto,
  UpdateCandidateDto,
} from './dto/candidate.dto';
import {
  CANDIDATE_OR_ERASED,
  CandidateExportDto,
  CandidateImportViewDto,
  CandidateItemsDto,
  CandidatePageDto,
  CandidateViewDto,
  ConsentViewDto,
  ErasedCandidateViewDto,
  NoteViewDto,
} from './dto/candidate-views.dto';

const { MATCHER, ADVISER, ADMIN } = Role;

@ApiTags('candidates')
@ApiExtraModels(CandidateViewDto, ErasedCandidateViewDto)
@Controller('api/candidates')
export class CandidatesController {
  constructor(
    private readonly candidates: CandidatesService,
    private readonly imports: CandidateImportsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CandidatePageDto })
  @Roles(MATCHER, ADVISER, ADMIN)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CandidateListQuery): Promise<Page<CandidateListItem>> {
    return this.candidates.list(user, query);
  }

  @Get('max-ww')
  @ApiOkResponse({ type: CandidatePageDto })
  @Roles(MATCHER, ADVISER, ADMIN)
  maxWw(@CurrentUser() user: AuthenticatedUser, @Query() query: MaxWwListQuery): Promise<Page<CandidateListItem>> {
    return this.candidates.maxWwList(user, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CandidateViewDto })
  @Roles(ADVISER, ADMIN)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCandidateDto): Promise<CandidateView> {
    return this.candidates.create(user, body);
  }

  /** The BSN travels in the body, never in a URL (URLs end up in logs and browser histories). */
  @Post('lookup')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidateItemsDto })
  @Roles(MATCHER, ADVISER, ADMIN)
  async lookup(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: BsnLookupDto,
  ): Promise<{ items: CandidateListItem[] }> {
    return { items: await this.candidates.lookupByBsn(user, body.bsn) };
  }

  @Post('imports')
  @ApiCreatedResponse({ type: CandidateImportViewDto })
  @Roles(ADVISER, ADMIN)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['pool', 'file'],
      properties: { pool: { type: 'string', enum: [...POOLS] }, file: { type: 'string', format: 'binary' } },
    },
  })
  async startImport(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<CandidateImportView> {
    const { pool, content } = await readUpload(request);
    return this.imports.start(user, pool, content);
  }

  @Get('imports/:id')
  @ApiOkResponse({ type: CandidateImportViewDto })
  @Roles(ADVISER, ADMIN)
  getImport(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateImportView> {
    return this.imports.get(user, id);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The candidate, or the minimal record of an erased one', schema: CANDIDATE_OR_ERASED })
  @Roles(MATCHER, ADVISER, ADMIN)
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateView | ErasedCandidateView> {
    return this.candidates.read(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CandidateViewDto })
  @Roles(ADVISER, ADMIN)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCandidateDto,
  ): Promise<CandidateView> {
    return this.candidates.update(user, id, body);
  }

  @Post(':id/notes')
  @ApiCreatedResponse({ type: NoteViewDto })
  @Roles(ADVISER, ADMIN)
  addNote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateNoteDto,
  ): Promise<NoteView> {
    return this.candidates.addNote(user, id, body);
  }

  @Put(':id/jobready')
  @ApiOkResponse({ type: CandidateViewDto })
  @Roles(ADVISER, ADMIN)
  assessJobready(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: JobreadyAssessmentDto,
  ): Promise<CandidateView> {
    return this.candidates.assessJobready(user, id, body);
  }

  @Get(':id/consents')
  @ApiOkResponse({ type: [ConsentViewDto] })
  @Roles(ADVISER, ADMIN)
  consents(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ConsentView[]> {
    return this.candidates.consents(user, id);
  }

  @Post(':id/consents')
  @ApiCreatedResponse({ type: ConsentViewDto })
  @Roles(ADVISER, ADMIN)
  signConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignConsentDto,
  ): Promise<ConsentView> {
    return this.candidates.signConsent(user, id, body);
  }

  @Post(':id/consents/:consentId/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentViewDto })
  @Roles(ADVISER, ADMIN)
  withdrawConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
  ): Promise<ConsentView> {
    return this.candidates.withdrawConsent(user, id, consentId);
  }

  @Get(':id/export')
  @ApiOkResponse({ type: CandidateExportDto })
  @Roles(ADMIN)
  export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Record<string, unknown>> {
    return this.candidates.export(user, id);
  }

  @Post(':id/erase')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Erased' })
  @Roles(ADMIN)
  erase(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.candidates.erase(user, id);
  }
}

/** The multipart body of an import: the field `pool` and one file `file`. */
async function readUpload(request: FastifyRequest): Promise<{ pool: Pool; content: Buffer }> {
  if (!request.isMultipart()) {
    throw new ImportFileMissingError({ file: 'must be sent as multipart/form-data', pool: 'is required' });
  }
  let pool: string | undefined;
  let content: Buffer | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === 'file' && content === undefined) content = await part.toBuffer();
      else await part.toBuffer(); // drain anything else so the request completes
    } else if (part.fieldname === 'pool') {
      pool = String(part.value);
    }
  }
  const errors: Record<string, string> = {};
  if (!pool || !(POOLS as readonly string[]).includes(pool)) errors.pool = `must be one of ${POOLS.join(', ')}`;
  if (!content || content.length === 0) errors.file = 'must be a non-empty CSV file';
  if (Object.keys(errors).length > 0) throw new ImportFileMissingError(errors);
  return { pool: pool as Pool, content: content! };
}
