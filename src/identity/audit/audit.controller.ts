import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { AuditService } from './audit.service';
import { AuditEntryDto, AuditPageDto, AuditQuery } from './dto/audit.dto';

/** Read-only: the API offers no way to change or delete audit entries, and the database refuses it too. */
@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: AuditPageDto })
  async search(@Query() query: AuditQuery): Promise<AuditPageDto> {
    const page = await this.audit.search(query);
    return {
      items: page.items.map((entry) => AuditEntryDto.of(entry)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
