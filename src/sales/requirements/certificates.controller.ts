import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AnyRole, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { NotFoundError } from '@platform/errors/domain-error';
import {
  CertificateDto,
  CreateCertificateDto,
  ListCertificatesQuery,
  UpdateCertificateDto,
} from './dto/certificate.dto';
import { CertificatesService } from './certificates.service';

// An id that is not a uuid cannot name a certificate: answer as for any unknown id.
const CertificateId = new ParseUUIDPipe({
  exceptionFactory: () => new NotFoundError('Certificate', 'CERTIFICATE_NOT_FOUND'),
});

@ApiTags('certificates')
@Controller('api/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The managed list of certificates, by name' })
  @ApiOkResponse({ type: [CertificateDto] })
  list(@Query() query: ListCertificatesQuery): Promise<CertificateDto[]> {
    return this.certificates.list({ active: query.active });
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'One certificate' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  get(@Param('id', CertificateId) id: string): Promise<CertificateDto> {
    return this.certificates.get(id);
  }

  @Post()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Add a certificate to the list' })
  @ApiCreatedResponse({ type: CertificateDto })
  @ApiUnprocessableEntityResponse({
    description:
      'Invalid fields, CERTIFICATE_CODE_TAKEN, CERTIFICATE_UNKNOWN (implies) or CERTIFICATE_IMPLICATION_CYCLE',
  })
  create(@Body() body: CreateCertificateDto): Promise<CertificateDto> {
    return this.certificates.create(body);
  }

  @Patch(':id')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Change the name, description or implied certificates (the code is stable)' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields, CERTIFICATE_UNKNOWN (implies) or CERTIFICATE_IMPLICATION_CYCLE',
  })
  update(@Param('id', CertificateId) id: string, @Body() body: UpdateCertificateDto): Promise<CertificateDto> {
    return this.certificates.update(id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Stop offering a certificate; records that already name it keep it' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  deactivate(@Param('id', CertificateId) id: string): Promise<CertificateDto> {
    return this.certificates.setActive(id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Offer a deactivated certificate again' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND' })
  activate(@Param('id', CertificateId) id: string): Promise<CertificateDto> {
    return this.certificates.setActive(id, true);
  }
}
