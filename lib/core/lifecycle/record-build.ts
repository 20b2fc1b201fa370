import type { Drift } from '../model/drift.ts';
import type { DriftRecord, HistoryEvent, HistoryEventType } from '../model/drift-record.ts';
import type { LifecycleWrite } from '../ports/drift-store.ts';
import { driftId, driftIdentity } from './drift-id.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reopens within 24 h that make a drift flapping. */
export const FLAPPING_REOPENS = 3;

/** Reopen times no older than 24 h before `now` (the flapping window). */
export function recentReopens(times: readonly string[], now: Date): string[] {
  return times.filter((t) => now.getTime() - Date.parse(t) <= DAY_MS);
}

/** The fields a scan's drift decides: what the record says the drift is right now. */
export function contentOf(
  d: Drift,
  fingerprint: string,
): Pick<
  DriftRecord,
  | 'provider'
  | 'type'
  | 'address'
  | 'resourceId'
  | 'scope'
  | 'nativeType'
  | 'category'
  | 'severity'
  | 'changes'
  | 'fingerprint'
> {
  return {
    provider: d.provider,
    type: d.type,
    address: d.address,
    resourceId: d.id,
    scope: d.scope,
    nativeType: d.nativeType,
    category: d.category,
    severity: d.severity,
    changes: d.changes,
    fingerprint,
  };
}

/** A first-seen drift as a record (before its version is set by `writeOf`). */
export function newRecord(
  target: string,
  d: Drift,
  fingerprint: string,
  scanId: string,
  now: Date,
): DriftRecord {
  const at = now.toISOString();
  return {
    id: driftId(target, d),
    target,
    identity: driftIdentity(d),
    kind: d.kind,
    ...contentOf(d, fingerprint),
    status: 'active',
    firstDetectedAt: at,
    lastChangedAt: at,
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    lastScanId: scanId,
    version: 0,
  };
}

/** Copy of a record without its resolution and acknowledgement (an open, unacknowledged drift). */
export function withoutResolutionOrAck(r: DriftRecord): DriftRecord {
  const out = { ...r };
  delete out.resolvedAt;
  delete out.resolution;
  delete out.acknowledgement;
  return out;
}

/** Who caused an event: a scan (by id) or a person/system actor. */
export type EventSource = { scanId: string } | { actor: string };

/** History event of a transition; its id is deterministic so a replayed write has the same key. */
export function eventOf(
  after: DriftRecord,
  type: HistoryEventType,
  now: Date,
  source: EventSource,
  extra: Pick<HistoryEvent, 'changes' | 'resolution' | 'reason'> = {},
): HistoryEvent {
  const at = now.toISOString();
  const who = 'scanId' in source ? source.scanId : source.actor;
  return {
    driftId: after.id,
    eventId: `${at}#${who}#${type}`,
    type,
    at,
    ...source,
    status: after.status,
    severity: after.severity,
    ...extra,
  };
}

// Keys set to undefined (a drift without scope ...) are dropped, so stores never see them.
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The conditional write that moves `prev` (undefined = new) to `next`, version + 1. */
export function writeOf(
  prev: DriftRecord | undefined,
  next: DriftRecord,
  events: HistoryEvent[],
): LifecycleWrite {
  const expectedVersion = prev?.version ?? 0;
  return {
    record: defined({ ...next, version: expectedVersion + 1 }),
    expectedVersion,
    events: events.map(defined),
  };
}
