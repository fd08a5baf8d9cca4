import { Module } from '@nestjs/common';
import { AdviserMessagesModule } from '@aftersales/adviser-messages/adviser-messages.module';
import { PlacementsModule } from '@aftersales/placements/placements.module';
import { FollowUpsModule } from './follow-ups.module';
import { FollowUpCallsService } from './follow-up-calls.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsDemoSeeder } from './follow-ups-demo-seeder';

/** Apart from FollowUpsModule: placements plan follow-ups, and an outcome ends a placement. */
@Module({
  imports: [PlacementsModule, FollowUpsModule, AdviserMessagesModule],
  controllers: [FollowUpsController],
  providers: [FollowUpCallsService, FollowUpsDemoSeeder],
  exports: [FollowUpsDemoSeeder],
})
export class FollowUpCallsModule {}
