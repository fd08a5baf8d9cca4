import { Module } from '@nestjs/common';
import { FollowUpsProcessor } from './follow-ups.processor';
import { FollowUpsService } from './follow-ups.service';

@Module({
  providers: [FollowUpsService, FollowUpsProcessor],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
