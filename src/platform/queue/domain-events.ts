import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, JobPayload, QueueName } from './queue-names';

/** The events other modules react to; each is also a typed job on the events queue. */
export type DomainEventName = JobName.CandidateChanged | JobName.VacancyChanged;

type Listener<N extends DomainEventName> = (payload: JobPayload<N>) => Promise<void> | void;

/**
 * Publishes domain events (ids only, never personal data). `emit` runs this process's listeners (so a
 * read right after a write in this instance already sees it: the matching index updates here) and adds
 * a typed job to the events queue, for the other consumers.
 * Call it after the transaction that made the change has committed.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly listeners = new Map<DomainEventName, Array<Listener<DomainEventName>>>();

  constructor(@InjectQueue(QueueName.Events) private readonly queue: Queue) {}

  on<N extends DomainEventName>(name: N, listener: Listener<N>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as Listener<DomainEventName>);
    this.listeners.set(name, list);
  }

  /** Runs the listeners of this process only; for events that arrive from other instances. */
  async deliverLocally<N extends DomainEventName>(name: N, payload: JobPayload<N>): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        await listener(payload);
      } catch (error) {
        // A failing listener must not undo a committed change; the periodic resync catches up.
        this.logger.error({ err: error, event: name }, 'Event listener failed');
      }
    }
  }

  /**
   * The local listeners and the job side by side: neither needs the other, and the writing request
   * waits for both (read-your-writes here; the job for the other consumers), so it waits once, not twice.
   */
  async emit<N extends DomainEventName>(name: N, payload: JobPayload<N>): Promise<void> {
    await Promise.all([this.deliverLocally(name, payload), this.queue.add(name, payload)]);
  }
}
