import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
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
import { FastifyRequest } from 'fastify';
import { AppConfig } from '@platform/config/app-config';
import { JobStatusDto } from '@platform/queue/job-status';
import { unpackZipUpload, uploadLimits, uploadsDir, ZipUploadDto } from '@platform/uploads/zip-folder';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { ImportFolderDto, ImportStartedDto } from './dto/places-import.dto';
import { GEO_FILES } from './geo-files';
import { PlacesImportsService } from './places-imports.service';

@ApiTags('places')
@Controller('api/places/imports')
@Roles(Role.ADMIN)
export class PlacesImportsController {
  constructor(
    private readonly imports: PlacesImportsService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Import the postcode areas from a folder on the server, in the background' })
  @ApiAcceptedResponse({ type: ImportStartedDto, description: 'Follow it at GET /api/places/imports/{id}' })
  @ApiUnprocessableEntityResponse({ description: 'PLACES_FOLDER_NOT_FOUND' })
  start(@Body() body: ImportFolderDto): Promise<ImportStartedDto> {
    return this.imports.start(body.folder);
  }

  @Post('upload')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Import the postcode areas from an uploaded zip of the geo folder' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ZipUploadDto })
  @ApiAcceptedResponse({ type: ImportStartedDto })
  @ApiUnprocessableEntityResponse({ description: 'UPLOAD_*: not a zip, too large, unsafe paths, or files missing' })
  async upload(@Req() request: FastifyRequest): Promise<ImportStartedDto> {
    const folder = await unpackZipUpload(request, uploadsDir(this.config), GEO_FILES.places, uploadLimits(this.config));
    return this.imports.start(folder);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobStatusDto })
  @ApiNotFoundResponse({ description: 'PLACES_IMPORT_NOT_FOUND' })
  status(@Param('id', ParseUUIDPipe) id: string): Promise<JobStatusDto> {
    return this.imports.status(id);
  }
}
