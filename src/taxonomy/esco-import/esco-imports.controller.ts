import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FastifyRequest } from 'fastify';
import { AppConfig } from '@platform/config/app-config';
import { unpackZipUpload, uploadLimits, uploadsDir, ZipUploadDto } from '@platform/uploads/zip-folder';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { ImportIdParamDto } from './dto/import-id-param.dto';
import { ImportIdDto, ImportStatusDto } from './dto/import-status.dto';
import { StartImportDto } from './dto/start-import.dto';
import { EscoImportService } from './esco-import.service';

@ApiTags('taxonomy')
@Controller('api/taxonomy/imports')
export class EscoImportsController {
  constructor(
    private readonly escoImports: EscoImportService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Post()
  @Roles(Role.ADMIN)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Import an ESCO CSV release from a folder on the server, in the background' })
  @ApiAcceptedResponse({ type: ImportIdDto, description: 'Queued; follow it at GET /api/taxonomy/imports/{id}' })
  @ApiUnprocessableEntityResponse({ description: 'No such folder, or invalid fields' })
  start(@Body() body: StartImportDto): Promise<ImportIdDto> {
    return this.escoImports.start(body.folder, body.releaseVersion);
  }

  @Post('upload')
  @Roles(Role.ADMIN)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Import an ESCO CSV release from an uploaded zip, in the background' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ZipUploadDto })
  @ApiAcceptedResponse({ type: ImportIdDto, description: 'Queued; follow it at GET /api/taxonomy/imports/{id}' })
  @ApiUnprocessableEntityResponse({ description: 'UPLOAD_*: not a zip, too large, unsafe paths, or files missing' })
  async upload(@Req() request: FastifyRequest): Promise<ImportIdDto> {
    const folder = await unpackZipUpload(
      request,
      uploadsDir(this.config),
      'occupations_nl.csv',
      uploadLimits(this.config),
    );
    return this.escoImports.start(folder);
  }

  @Get(':id')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Status, progress, counts or error (file, line, reason) of an import' })
  @ApiOkResponse({ type: ImportStatusDto })
  @ApiNotFoundResponse({ description: 'No import with this id' })
  status(@Param() params: ImportIdParamDto): Promise<ImportStatusDto> {
    return this.escoImports.status(params.id);
  }
}
