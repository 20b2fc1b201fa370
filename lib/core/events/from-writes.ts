import type { DriftRecord, HistoryEvent } from '../model/drift-record.ts';
import type { LifecycleWrite } from '../ports/drift-store.ts';
import type { ChangedPath } from './drift-details.ts';
import type { DriftwatchEvent } from './event-union.ts';
import type { ScanCompleted } from './scan-details.ts';

/** The deterministic id of a scan-caused event: a replayed scan produces the same one. */
export function scanEventId(scanId: string, subject: string, detailType: string): string {
  return `${scanId}:${subject}:${detailType}`;
}

/** Paths and the sensitive flag only: an event never carries an attribute value. */
export function changedPaths(r: Pick<DriftRecord, 'changes'>): ChangedPath[] {
  return r.changes.map((c) => ({ path: c.path, sensitive: c.sensitive === true }));
}

function driftFields(r: DriftRecord, ev: HistoryEvent, eventId: string) {
  return {
    eventId,
    at: ev.at,
    driftId: r.id,
    target: r.target,
    provider: r.provider,
    ...(r.scope !== undefined ? { scope: r.scope } : {}),
    type: r.type,
    ...(r.nativeType !== undefined ? { nativeType: r.nativeType } : {}),
    address: r.address,
    resourceId: r.resourceId,
    kind: r.kind,
    category: r.category,
    severity: r.severity,
    status: ev.status,
    changedPaths: changedPaths(r),
  };
}

function eventOfHistory(r: DriftRecord, ev: HistoryEvent, scanId: string): DriftwatchEvent | undefined {
  const by = ev.scanId ?? scanId;
  const id = (t: string) =>
    ev.actor !== undefined ? `${ev.at}:${ev.actor}:${r.id}:${t}` : scanEventId(by, r.id, t);
  switch (ev.type) {
    case 'opened':
    case 'reopened':
      return {
        detailType: 'DriftDetected',
        detail: {
          ...driftFields(r, ev, id('DriftDetected')),
          scanId: by,
          reopened: ev.type === 'reopened',
          reopenCount: r.reopenCount,
          flapping: r.flapping,
        },
      };
    case 'changed':
      return {
        detailType: 'DriftChanged',
        detail: {
          ...driftFields(r, ev, id('DriftChanged')),
          scanId: by,
          ...(ev.reason ? { reason: ev.reason } : {}),
        },
      };
    case 'resolved':
      return {
        detailType: 'DriftResolved',
        detail: {
          ...driftFields(r, ev, id('DriftResolved')),
          scanId: by,
          resolution: ev.resolution ?? r.resolution ?? 'fixed_live',
        },
      };
    case 'acknowledged':
      return {
        detailType: 'DriftAcknowledged',
        detail: {
          ...driftFields(r, ev, id('DriftAcknowledged')),
          actor: ev.actor ?? r.acknowledgement?.by ?? 'unknown',
          reason: ev.reason ?? r.acknowledgement?.reason ?? 'acknowledged',
          ...(r.acknowledgement?.expiresAt ? { expiresAt: r.acknowledgement.expiresAt } : {}),
        },
      };
    default:
      // unacknowledged / acknowledgement_expired: bookkeeping, no subscriber acts on them.
      return undefined;
  }
}

/** The events for the lifecycle writes that were actually applied (pure; none for none). */
export function eventsFromWrites(
  writes: readonly LifecycleWrite[],
  scan: { scanId: string; target: string },
): DriftwatchEvent[] {
  const out: DriftwatchEvent[] = [];
  for (const w of writes) {
    if (w.record.target !== scan.target) continue;
    for (const ev of w.events) {
      const e = eventOfHistory(w.record, ev, scan.scanId);
      if (e) out.push(e);
    }
  }
  return out;
}

/** The ScanCompleted event of one recorded target scan. */
export function scanCompletedEvent(input: Omit<ScanCompleted, 'eventId'>): DriftwatchEvent {
  return {
    detailType: 'ScanCompleted',
    detail: { ...input, eventId: scanEventId(input.scanId, input.target, 'ScanCompleted') },
  };
}

/** The ScanFailed event: one line of error, no stack, no value. */
export function scanFailedEvent(input: {
  scanId: string;
  target: string;
  at: string;
  error: string;
}): DriftwatchEvent {
  return {
    detailType: 'ScanFailed',
    detail: {
      ...input,
      error: input.error.split('\n')[0]!.slice(0, 2000),
      eventId: scanEventId(input.scanId, input.target, 'ScanFailed'),
    },
  };
}
