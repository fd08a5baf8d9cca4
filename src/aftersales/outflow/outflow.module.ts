import { Module } from '@nestjs/common';
import { OutflowController } from './outflow.controller';
import { OutflowService } from './outflow.service';

/** Outflow from benefit after a placement: recorded by the pool's adviser, counted by the reports. */
@Module({
  controllers: [OutflowController],
  providers: [OutflowService],
  exports: [OutflowService],
})
export class OutflowModule {}
