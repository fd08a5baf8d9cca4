import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@platform/config/app-config';
import { AnyRole } from './auth/roles.decorator';
import { ALL_ORGANISATIONS, Organisation } from './organisation';

class OrganisationDto {
  @ApiProperty({ enum: Organisation }) code!: Organisation;
  @ApiProperty({ example: 'Sociale Dienst Drechtsteden' }) name!: string;
}

@ApiTags('organisations')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [OrganisationDto] })
  list(): OrganisationDto[] {
    const names = this.config.get('organisationNames', { infer: true });
    return ALL_ORGANISATIONS.map((code) => ({ code, name: names[code] }));
  }
}
