import { Module } from '@nestjs/common';
import { PickUpsController } from './pick-ups.controller';
import { PickUpsService } from './pick-ups.service';

@Module({
  controllers: [PickUpsController],
  providers: [PickUpsService],
  exports: [PickUpsService],
})
export class PickUpsModule {}
