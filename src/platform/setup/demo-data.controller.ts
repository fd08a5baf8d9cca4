import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { JobStatusDto } from '@platform/queue/job-status';
import { DemoDataService } from './demo-data.service';
import { DemoDataStartedDto, StartDemoDataDto } from './dto/demo-data.dto';

@ApiTags('setup')
@Controller('api/demo-data')
@Roles(Role.ADMIN)
export class DemoDataController {
  constructor(private readonly demoData: DemoDataService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Load the demo data: the demo users now, everything else in the background' })
  @ApiAcceptedResponse({ type: DemoDataStartedDto })
  start(@Body() body: StartDemoDataDto): Promise<DemoDataStartedDto> {
    return this.demoData.start(body.password);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobStatusDto })
  @ApiNotFoundResponse({ description: 'DEMO_DATA_JOB_NOT_FOUND' })
  status(@Param('id', ParseUUIDPipe) id: string): Promise<JobStatusDto> {
    return this.demoData.status(id);
  }
}
