import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { Endpoints } from '@platform/embedded/endpoints';
import { ENDPOINTS } from '@platform/embedded/endpoints.token';
import { QueueName } from './queue-names';
import { RedisConnection } from './redis.provider';
import { DomainEvents } from './domain-events';
import { ImportHandlers, ImportsProcessor } from './imports.processor';

const queues = Object.values(QueueName).map((name) => ({ name }));

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService, ENDPOINTS],
      useFactory: (config: ConfigService<AppConfig, true>, endpoints: Endpoints) => ({
        // BullMQ's blocking connections need maxRetriesPerRequest null.
        connection: { url: endpoints.redisUrl, maxRetriesPerRequest: null },
        prefix: config.get('queue', { infer: true }).prefix,
        defaultJobOptions: { removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [RedisConnection, DomainEvents, ImportHandlers, ImportsProcessor],
  exports: [BullModule, RedisConnection, DomainEvents, ImportHandlers],
})
export class QueueModule {}
