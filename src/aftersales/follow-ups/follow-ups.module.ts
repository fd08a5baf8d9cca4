import { Module } from '@nestjs/common';
import { FollowUpWebhook } from './follow-up-webhook.service';
import { FollowUpsProcessor } from './follow-ups.processor';
import { FollowUpsService } from './follow-ups.service';

@Module({
  providers: [FollowUpsService, FollowUpWebhook, FollowUpsProcessor],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
