import type { Drift } from '../model/drift.ts';
import type { DriftRecord } from '../model/drift-record.ts';
import type { LifecycleWrite } from '../ports/drift-store.ts';
import {
  contentOf,
  eventOf,
  FLAPPING_REOPENS,
  recentReopens,
  withoutResolutionOrAck,
  writeOf,
} from './record-build.ts';
import { type ResolutionContext, resolutionOf } from './resolution.ts';
import type { ScanCounts } from './scan-counts.ts';

/** One record's outcome in a scan: what to count, and the write (none = untouched). */
export interface Step {
  count: keyof ScanCounts;
  write?: LifecycleWrite;
}

/**
 * True when a newer scan already moved this record (it opened, changed, reopened or resolved it
 * after `now`): an older scan that lost a race must not roll that back.
 */
export function touchedAfter(r: DriftRecord, now: Date): boolean {
  const t = now.getTime();
  const times = [r.firstDetectedAt, r.lastChangedAt, r.resolvedAt, ...r.recentReopens];
  return times.some((x) => x !== undefined && Date.parse(x) > t);
}

function ackExpired(r: DriftRecord, now: Date): boolean {
  const at = r.acknowledgement?.expiresAt;
  return r.status === 'acknowledged' && at !== undefined && Date.parse(at) <= now.getTime();
}

/** A drift seen again on a record: reopen, change, expire its acknowledgement, or nothing at all. */
export function observe(r: DriftRecord, d: Drift, fingerprint: string, scanId: string, now: Date): Step {
  const at = now.toISOString();
  const content = contentOf(d, fingerprint);
  if (r.status === 'resolved') {
    const reopens = [...recentReopens(r.recentReopens, now), at];
    const next: DriftRecord = {
      ...withoutResolutionOrAck(r),
      ...content,
      status: 'active',
      lastChangedAt: at,
      reopenCount: r.reopenCount + 1,
      recentReopens: reopens,
      flapping: reopens.length >= FLAPPING_REOPENS,
      lastScanId: scanId,
    };
    const ev = eventOf(next, 'reopened', now, { scanId }, { changes: next.changes });
    return { count: 'reopened', write: writeOf(r, next, [ev]) };
  }
  if (r.fingerprint === fingerprint) return expire(r, scanId, now) ?? { count: 'unchanged' };
  const wasAcked = r.status === 'acknowledged';
  const reopens = recentReopens(r.recentReopens, now);
  const next: DriftRecord = {
    ...(wasAcked ? withoutResolutionOrAck(r) : r),
    ...content,
    status: 'active',
    lastChangedAt: at,
    recentReopens: reopens,
    flapping: reopens.length >= FLAPPING_REOPENS,
    lastScanId: scanId,
  };
  const reason = wasAcked ? 'acknowledgement cleared: the drift changed' : undefined;
  const ev = eventOf(
    next,
    'changed',
    now,
    { scanId },
    { changes: next.changes, ...(reason ? { reason } : {}) },
  );
  return { count: 'changed', write: writeOf(r, next, [ev]) };
}

/** An open record whose drift this complete scan no longer finds: resolved, with how. */
export function resolve(r: DriftRecord, ctx: ResolutionContext, scanId: string, now: Date): Step {
  const resolution = resolutionOf(r, ctx);
  const reopens = recentReopens(r.recentReopens, now);
  const next: DriftRecord = {
    ...withoutResolutionOrAck(r),
    status: 'resolved',
    resolvedAt: now.toISOString(),
    resolution,
    recentReopens: reopens,
    flapping: reopens.length >= FLAPPING_REOPENS,
    lastScanId: scanId,
  };
  return {
    count: 'resolved',
    write: writeOf(r, next, [eventOf(next, 'resolved', now, { scanId }, { resolution })]),
  };
}

/** An acknowledged record whose acknowledgement lapsed at or before `now`: active again. */
export function expire(r: DriftRecord, scanId: string, now: Date): Step | undefined {
  if (!ackExpired(r, now)) return undefined;
  const next: DriftRecord = { ...withoutResolutionOrAck(r), status: 'active', lastScanId: scanId };
  return { count: 'expired', write: writeOf(r, next, [expiryEvent(r, next, now, { scanId })]) };
}

/** The acknowledgement_expired event, naming what lapsed. */
export function expiryEvent(
  before: DriftRecord,
  after: DriftRecord,
  now: Date,
  source: { scanId: string } | { actor: string },
) {
  const ack = before.acknowledgement;
  const reason = ack ? `acknowledgement by ${ack.by} expired at ${ack.expiresAt}` : undefined;
  return eventOf(after, 'acknowledgement_expired', now, source, reason ? { reason } : {});
}
