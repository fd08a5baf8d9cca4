import { Module } from '@nestjs/common';
import { AdviserMessagesController } from './adviser-messages.controller';
import { AdviserMessagesService } from './adviser-messages.service';

@Module({
  controllers: [AdviserMessagesController],
  providers: [AdviserMessagesService],
  exports: [AdviserMessagesService],
})
export class AdviserMessagesModule {}
