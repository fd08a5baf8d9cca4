import { Module } from '@nestjs/common';
import { PlacementsModule } from '@aftersales/placements/placements.module';
import { FollowUpCallsService } from './follow-up-calls.service';
import { FollowUpsController } from './follow-ups.controller';

/** Apart from FollowUpsModule: placements plan follow-ups, and an outcome ends a placement. */
@Module({
  imports: [PlacementsModule],
  controllers: [FollowUpsController],
  providers: [FollowUpCallsService],
})
export class FollowUpCallsModule {}
