import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { type DriftwatchEvent, DriftwatchEventSchema, EVENT_SOURCE } from '../../../core/events/index.ts';
import { DriftwatchError } from '../../../core/model/errors.ts';
import { backoffDelay } from '../../shared/retry/index.ts';
import { entryBatches, entrySize, MAX_BATCH_BYTES } from './entry-batches.ts';

/** Some events were still refused after every retry, or one is invalid / too large to send. */
export class EventPublishError extends DriftwatchError {}

export interface EventBridgePublisherOptions {
  eventBusName: string;
  client?: EventBridgeClient;
  /** Attempts per batch for entries PutEvents reports as failed (FailedEntryCount); default 4. */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Publishes driftwatch events to one bus (source `driftwatch`), validated, batched, failed entries retried. */
export class EventBridgePublisher {
  readonly client: EventBridgeClient;

  constructor(private readonly opts: EventBridgePublisherOptions) {
    this.client = opts.client ?? new EventBridgeClient({});
  }

  /** Sends every event; resolves once EventBridge accepted all of them. Returns how many were sent. */
  async publish(events: readonly DriftwatchEvent[]): Promise<number> {
    const entries = events.map((e) => this.entryOf(e));
    for (const batch of entryBatches(entries)) await this.sendBatch(batch);
    return entries.length;
  }

  private entryOf(event: DriftwatchEvent): PutEventsRequestEntry {
    const parsed = DriftwatchEventSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EventPublishError(
        `invalid ${event.detailType} detail at ${issue?.path.join('.') || '(top)'}: ${issue?.message}`,
      );
    }
    const entry: PutEventsRequestEntry = {
      Source: EVENT_SOURCE,
      DetailType: parsed.data.detailType,
      Detail: JSON.stringify(parsed.data.detail),
      EventBusName: this.opts.eventBusName,
    };
    if (entrySize(entry) > MAX_BATCH_BYTES)
      throw new EventPublishError(`${event.detailType} ${parsed.data.detail.eventId} exceeds 256 KB`);
    return entry;
  }

  // PutEvents is not all-or-nothing: it answers 200 with per-entry errors. Only those are resent.
  private async sendBatch(batch: PutEventsRequestEntry[]): Promise<void> {
    const attempts = this.opts.attempts ?? 4;
    const sleep = this.opts.sleep ?? realSleep;
    let pending = batch;
    let lastError = '';
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) {
        const delay = backoffDelay(
          attempt,
          this.opts.baseMs ?? 100,
          this.opts.maxMs ?? 2000,
          this.opts.random ?? Math.random,
        );
        await sleep(delay);
      }
      const out = await this.client.send(new PutEventsCommand({ Entries: pending }));
      if (!out.FailedEntryCount) return;
      const results = out.Entries ?? [];
      const failed = pending.filter(
        (_, i) => results[i]?.ErrorCode !== undefined || results[i]?.EventId === undefined,
      );
      const firstError = results.find((r) => r.ErrorCode);
      lastError = firstError
        ? `${firstError.ErrorCode}: ${firstError.ErrorMessage ?? ''}`.trim()
        : 'unknown error';
      pending = failed;
      if (pending.length === 0) return;
    }
    throw new EventPublishError(
      `${pending.length} event(s) refused by EventBridge after ${attempts} attempts (${lastError})`,
    );
  }
}
