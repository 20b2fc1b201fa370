import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type KeysAndAttributes,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { Item } from './marshall.ts';

export const BATCH_WRITE_SIZE = 25;
export const BATCH_GET_SIZE = 100;
const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 2_000;

/** Raised when DynamoDB keeps returning unprocessed items after every bounded retry. */
export class UnprocessedItemsError extends Error {
  constructor(readonly remaining: number) {
    super(`${remaining} DynamoDB items still unprocessed after ${MAX_ATTEMPTS} attempts`);
    this.name = 'UnprocessedItemsError';
  }
}

// Full jitter (AWS architecture blog "Exponential Backoff and Jitter"): spreads retries of racing writers.
const backoff = (attempt: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)));

/** Splits a list into chunks of n. */
export function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Runs fn over xs with at most `limit` in flight. */
export async function pool<T, R>(xs: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
  return out;
}

/** Writes requests in BatchWriteItem chunks of 25, retrying UnprocessedItems with backoff and jitter. */
export async function batchWrite(
  client: DynamoDBClient,
  table: string,
  requests: readonly WriteRequest[],
  concurrency = 4,
): Promise<void> {
  await pool(chunks(requests, BATCH_WRITE_SIZE), concurrency, async (chunk) => {
    let pending: WriteRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new UnprocessedItemsError(pending.length);
      if (attempt > 0) await backoff(attempt);
      const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] ?? [];
    }
  });
}

/** Reads items by key in BatchGetItem chunks of 100, retrying UnprocessedKeys the same way. */
export async function batchGet(
  client: DynamoDBClient,
  table: string,
  keys: readonly Item[],
): Promise<Item[]> {
  const found: Item[] = [];
  await pool(chunks(keys, BATCH_GET_SIZE), 4, async (chunk) => {
    let pending: KeysAndAttributes | undefined = { Keys: chunk };
    for (let attempt = 0; pending?.Keys?.length; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new UnprocessedItemsError(pending.Keys.length);
      if (attempt > 0) await backoff(attempt);
      const out: BatchGetItemCommandOutput = await client.send(
        new BatchGetItemCommand({ RequestItems: { [table]: pending } }),
      );
      found.push(...(out.Responses?.[table] ?? []));
      pending = out.UnprocessedKeys?.[table];
    }
  });
  return found;
}
