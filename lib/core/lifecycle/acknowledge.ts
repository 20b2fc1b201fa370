import type { Acknowledgement, DriftRecord } from '../model/drift-record.ts';
import type { LifecycleWrite } from '../ports/drift-store.ts';
import { LifecycleError } from './errors.ts';
import { eventOf, withoutResolutionOrAck, writeOf } from './record-build.ts';
import { expiryEvent } from './transitions.ts';

/** Actor of system-made transitions outside a scan (acknowledgement expiry sweeps). */
export const SYSTEM_ACTOR = 'driftwatch';

export interface AcknowledgeInput {
  by: string;
  reason: string;
  /** ISO time the acknowledgement lapses; must be after `now`. */
  expiresAt?: string;
}

/** Acknowledges an open drift (again, replacing the reason/expiry, when already acknowledged). */
export function acknowledge(record: DriftRecord, input: AcknowledgeInput, now: Date): LifecycleWrite {
  if (record.status === 'resolved')
    throw new LifecycleError('a resolved drift cannot be acknowledged', record.id);
  if (!input.by.trim()) throw new LifecycleError('an acknowledgement needs who made it', record.id);
  if (!input.reason.trim()) throw new LifecycleError('an acknowledgement needs a reason', record.id);
  if (input.expiresAt !== undefined) {
    const t = Date.parse(input.expiresAt);
    if (Number.isNaN(t)) throw new LifecycleError(`expiresAt is not a time: ${input.expiresAt}`, record.id);
    if (t <= now.getTime()) throw new LifecycleError('expiresAt must be in the future', record.id);
  }
  const acknowledgement: Acknowledgement = {
    by: input.by,
    reason: input.reason,
    at: now.toISOString(),
    ...(input.expiresAt !== undefined ? { expiresAt: new Date(input.expiresAt).toISOString() } : {}),
  };
  const next: DriftRecord = { ...record, status: 'acknowledged', acknowledgement };
  const ev = eventOf(next, 'acknowledged', now, { actor: input.by }, { reason: input.reason });
  return writeOf(record, next, [ev]);
}

/** Withdraws an acknowledgement: the drift is active again. */
export function unacknowledge(record: DriftRecord, by: string, now: Date): LifecycleWrite {
  if (record.status !== 'acknowledged') throw new LifecycleError('the drift is not acknowledged', record.id);
  const next: DriftRecord = { ...withoutResolutionOrAck(record), status: 'active' };
  return writeOf(record, next, [eventOf(next, 'unacknowledged', now, { actor: by })]);
}

/** Acknowledged records whose expiry is at or before `now`, returned to active (outside a scan). */
export function expireAcknowledgements(records: readonly DriftRecord[], now: Date): LifecycleWrite[] {
  const out: LifecycleWrite[] = [];
  for (const r of records) {
    const at = r.acknowledgement?.expiresAt;
    if (r.status !== 'acknowledged' || at === undefined || Date.parse(at) > now.getTime()) continue;
    const next: DriftRecord = { ...withoutResolutionOrAck(r), status: 'active' };
    out.push(writeOf(r, next, [expiryEvent(r, next, now, { actor: SYSTEM_ACTOR })]));
  }
  return out;
}
