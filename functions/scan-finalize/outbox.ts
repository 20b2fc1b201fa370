import { z } from 'zod';
import { type DriftwatchEvent, DriftwatchEventSchema } from '../../lib/core/events/index.ts';
import type { ScanDeps } from '../shared/deps.ts';
import { outboxKey } from '../shared/keys.ts';

const OutboxSchema = z.object({ events: z.array(DriftwatchEventSchema), published: z.boolean() });

/** Events a previous run of this finalize stored but did not get published (empty when none). */
export async function owedEvents(deps: ScanDeps, scanId: string, name: string): Promise<DriftwatchEvent[]> {
  let raw: unknown;
  try {
    raw = await deps.blobs.getJson(outboxKey(scanId, name));
  } catch {
    return [];
  }
  const box = OutboxSchema.safeParse(raw);
  return box.success && !box.data.published ? box.data.events : [];
}

/** True when the outbox says these events went out already. */
export async function alreadyPublished(deps: ScanDeps, scanId: string, name: string): Promise<boolean> {
  try {
    const box = OutboxSchema.safeParse(await deps.blobs.getJson(outboxKey(scanId, name)));
    return box.success && box.data.published;
  } catch {
    return false;
  }
}

/** Stores the events, publishes them, marks them published. Duplicate ids (a republish) go once. */
export async function publishThroughOutbox(
  deps: ScanDeps,
  scanId: string,
  name: string,
  events: readonly DriftwatchEvent[],
): Promise<number> {
  const unique = [...new Map(events.map((e) => [e.detail.eventId, e])).values()];
  if (unique.length === 0) return 0;
  const key = outboxKey(scanId, name);
  await deps.blobs.putJson(key, { events: unique, published: false });
  await deps.events.publish(unique);
  await deps.blobs.putJson(key, { events: unique, published: true });
  return unique.length;
}
