import { Module } from '@nestjs/common';
import { DemoDataController } from './demo-data.controller';
import { DemoDataService } from './demo-data.service';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

/** The first run (set-up token, first administrator) and the demo data as a job. */
@Module({
  controllers: [SetupController, DemoDataController],
  providers: [SetupService, DemoDataService],
  exports: [SetupService, DemoDataService],
})
export class SetupModule {}
