import { createHash } from 'node:crypto';
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { UsageError } from '../../../core/model/errors.ts';
import type { Page } from '../../../core/ports/drift-store.ts';
import { type KeyDef, PK, SK } from './keys.ts';
import { type Item, str } from './marshall.ts';

/** A cursor that is not one this store issued for this query. */
export class InvalidCursorError extends UsageError {}

/** One key-condition stream: a partition of the table or an index, read newest (highest sort key) first. */
export interface Partition {
  index: KeyDef;
  value: string;
  /** Sort-key condition: `>=` (the `since` filter) or `begins_with`. */
  sk?: { op: '>=' | 'begins_with'; value: string };
}

type Position = Record<string, string> | null | 0; // last key taken | from the start | exhausted
interface Stream {
  part: Partition;
  buf: Item[];
  next: Record<string, string> | null | undefined; // undefined: no more pages
  last: Position;
}

// The cursor names its query by a short hash, so it stays small and a cursor of another query is refused.
const tagHash = (tag: string): string => createHash('sha256').update(tag).digest('base64url').slice(0, 12);

const encode = (tag: string, pos: Position[]): string =>
  Buffer.from(JSON.stringify({ t: tagHash(tag), p: pos })).toString('base64url');

const isPosition = (p: unknown): p is Position =>
  p === null ||
  p === 0 ||
  (typeof p === 'object' && !Array.isArray(p) && Object.values(p).every((v) => typeof v === 'string'));

function decode(cursor: string, tag: string, n: number): Position[] {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; p?: unknown };
    if (c.t === tagHash(tag) && Array.isArray(c.p) && c.p.length === n && c.p.every(isPosition)) return c.p;
  } catch {}
  throw new InvalidCursorError('cursor does not belong to this query', 'cursor');
}

function keyOf(item: Item, idx: KeyDef): Record<string, string> {
  const k: Record<string, string> = { [PK]: str(item, PK), [SK]: str(item, SK) };
  k[idx.pk] = str(item, idx.pk);
  k[idx.sk] = str(item, idx.sk);
  return k;
}

const toKey = (k: Record<string, string>): Item =>
  Object.fromEntries(Object.entries(k).map(([n, v]) => [n, { S: v }]));

async function fill(
  client: DynamoDBClient,
  table: string,
  s: Stream,
  keep: (i: Item) => boolean,
  size: number,
) {
  while (s.buf.length === 0 && s.next !== undefined) {
    const { index, value, sk } = s.part;
    const cond = sk ? (sk.op === '>=' ? ' AND #sk >= :sk' : ' AND begins_with(#sk, :sk)') : '';
    const out = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: index.name || undefined,
        KeyConditionExpression: `#pk = :pk${cond}`,
        ExpressionAttributeNames: { '#pk': index.pk, ...(sk ? { '#sk': index.sk } : {}) },
        ExpressionAttributeValues: { ':pk': { S: value }, ...(sk ? { ':sk': { S: sk.value } } : {}) },
        ScanIndexForward: false,
        Limit: size,
        ExclusiveStartKey: s.next ? toKey(s.next) : undefined,
      }),
    );
    s.buf.push(...(out.Items ?? []).filter(keep));
    s.next = out.LastEvaluatedKey ? keyOf(out.LastEvaluatedKey as Item, index) : undefined;
  }
}

/**
 * One page over several partitions merged newest first (k-way merge on the sort key). The cursor keeps,
 * per partition, the key of the last item handed out, so pages never repeat or skip an item; items
 * rejected by `keep` are re-read and rejected again, and the page still holds exactly `limit` items
 * unless the partitions run out. A cursor is returned only when another item exists.
 */
export async function pagedQuery<T>(
  client: DynamoDBClient,
  table: string,
  parts: readonly Partition[],
  opts: { limit: number; cursor?: string; tag: string; keep?: (i: Item) => boolean; map: (i: Item) => T },
): Promise<Page<T>> {
  const keep = opts.keep ?? (() => true);
  const start: Position[] = opts.cursor ? decode(opts.cursor, opts.tag, parts.length) : parts.map(() => null);
  const streams: Stream[] = parts.map((part, i) => {
    const p = start[i] ?? null;
    return { part, buf: [], next: p === 0 ? undefined : p, last: p };
  });
  const size = Math.min(1000, opts.limit + 1);
  const items: T[] = [];
  const skOf = (s: Stream): string => str(s.buf[0] as Item, s.part.index.sk);
  for (;;) {
    await Promise.all(streams.map((s) => fill(client, table, s, keep, size)));
    if (items.length >= opts.limit) break;
    let best: Stream | undefined;
    for (const s of streams) if (s.buf.length && (!best || skOf(s) > skOf(best))) best = s;
    if (!best) break;
    const item = best.buf.shift() as Item;
    best.last = keyOf(item, best.part.index);
    items.push(opts.map(item));
  }
  const more = streams.some((s) => s.buf.length > 0);
  const pos = streams.map((s): Position => (s.buf.length === 0 && s.next === undefined ? 0 : s.last));
  return more ? { items, cursor: encode(opts.tag, pos) } : { items };
}
