import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** PutEvents takes at most 10 entries per call. */
export const MAX_BATCH_ENTRIES = 10;
/** PutEvents takes at most 256 KB per call. */
export const MAX_BATCH_BYTES = 256 * 1024;

const bytes = (s: string | undefined) => (s ? Buffer.byteLength(s, 'utf8') : 0);

/** Size of an entry as EventBridge counts it: Time 14 bytes, plus Source, DetailType, Detail and Resources in UTF-8. */
export function entrySize(e: PutEventsRequestEntry): number {
  return (
    14 +
    bytes(e.Source) +
    bytes(e.DetailType) +
    bytes(e.Detail) +
    (e.Resources ?? []).reduce((n, r) => n + bytes(r), 0)
  );
}

/** Splits entries into PutEvents calls of ≤ 10 entries and ≤ 256 KB, keeping their order. */
export function entryBatches(entries: readonly PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  const out: PutEventsRequestEntry[][] = [];
  let batch: PutEventsRequestEntry[] = [];
  let size = 0;
  for (const e of entries) {
    const s = entrySize(e);
    if (batch.length > 0 && (batch.length >= MAX_BATCH_ENTRIES || size + s > MAX_BATCH_BYTES)) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(e);
    size += s;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
