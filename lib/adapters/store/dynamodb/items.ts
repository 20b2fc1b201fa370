import {
  type DriftRecord,
  DriftRecordSchema,
  type HistoryEvent,
  HistoryEventSchema,
  type ScanRecord,
  ScanRecordSchema,
} from '../../../core/model/drift-record.ts';
import {
  ALL_SCANS,
  categoryPartition,
  dayPartition,
  driftPk,
  eventSk,
  GSI,
  OPEN_MARK,
  providerPartition,
  RECORD_SK,
  RESOLVE_MARK,
  SCAN_SK,
  scanPk,
  scopePartition,
  sevPartition,
  TTL_ATTR,
  targetPartition,
  targetScans,
  timeSk,
  typePartition,
} from './keys.ts';
import { type Item, marshall, unmarshall } from './marshall.ts';

const DAY_SECONDS = 86_400;

// `changes` holds arbitrary redacted values (deep nesting, empty keys) that DynamoDB maps cannot always
// hold, so it is stored as one JSON string; everything else is a native attribute.
function body(obj: { changes?: unknown }): Item {
  const { changes, ...rest } = obj;
  const item = marshall(rest);
  if (changes !== undefined) item.changes = { S: JSON.stringify(changes) };
  return item;
}

function plain(item: Item): Record<string, unknown> {
  const o = unmarshall(item);
  if (typeof o.changes === 'string') o.changes = JSON.parse(o.changes);
  return o;
}

/** The item of a drift record with every index key it belongs to (status is in each partition). */
export function recordItem(r: DriftRecord): Item {
  const sk = timeSk(r.lastChangedAt, r.id);
  const keys: Record<string, string> = {
    pk: driftPk(r.id),
    sk: RECORD_SK,
    [GSI.g1.pk]: sevPartition(r.status, r.severity),
    [GSI.g1.sk]: sk,
    [GSI.g2.pk]: targetPartition(r.target, r.status),
    [GSI.g2.sk]: sk,
    [GSI.g3.pk]: providerPartition(r.status, r.provider),
    [GSI.g3.sk]: sk,
    [GSI.g5.pk]: typePartition(r.status, r.type),
    [GSI.g5.sk]: sk,
    [GSI.g6.pk]: categoryPartition(r.status, r.category),
    [GSI.g6.sk]: sk,
  };
  if (r.scope) {
    keys[GSI.g4.pk] = scopePartition(r.status, r.scope);
    keys[GSI.g4.sk] = sk;
  }
  return { ...body(r), ...marshall(keys), itemType: { S: 'record' } };
}

/** Reads a record item back, validated by the model schema (key attributes are stripped). */
export function recordFrom(item: Item): DriftRecord {
  return DriftRecordSchema.parse(plain(item));
}

/** The item of a history event: TTL from its time, and a per-day index entry when it opens or resolves. */
export function eventItem(e: HistoryEvent, ttlDays: number): Item {
  const item: Item = {
    ...body(e),
    pk: { S: driftPk(e.driftId) },
    sk: { S: eventSk(e.eventId) },
    [TTL_ATTR]: { N: String(Math.floor(Date.parse(e.at) / 1000) + ttlDays * DAY_SECONDS) },
    itemType: { S: 'event' },
  };
  const mark =
    e.type === 'opened' || e.type === 'reopened' ? OPEN_MARK : e.type === 'resolved' ? RESOLVE_MARK : '';
  if (mark) {
    item[GSI.g1.pk] = { S: dayPartition(e.at.slice(0, 10)) };
    item[GSI.g1.sk] = { S: `${mark}${e.at}#${e.driftId}#${e.eventId}` };
  }
  return item;
}

/** Reads a history event back, validated. */
export function eventFrom(item: Item): HistoryEvent {
  return HistoryEventSchema.parse(plain(item));
}

/** The item of a scan: by id, and in the overall and per-target newest-first partitions. */
export function scanItem(s: ScanRecord): Item {
  const sk = timeSk(s.startedAt, s.scanId);
  return {
    ...marshall(s as unknown as Record<string, unknown>),
    ...marshall({
      pk: scanPk(s.scanId),
      sk: SCAN_SK,
      [GSI.g1.pk]: ALL_SCANS,
      [GSI.g1.sk]: sk,
      [GSI.g2.pk]: targetScans(s.target),
      [GSI.g2.sk]: sk,
      itemType: 'scan',
    }),
  };
}

/** Reads a scan back, validated. */
export function scanFrom(item: Item): ScanRecord {
  return ScanRecordSchema.parse(unmarshall(item));
}
