import type { DriftRecord, HistoryEvent } from '../model/drift-record.ts';
import type { LifecycleWrite } from '../ports/drift-store.ts';

export type RemediationHistoryType =
  | 'remediation_requested'
  | 'remediation_approved'
  | 'remediation_rejected'
  | 'remediation_expired'
  | 'remediation_executed'
  | 'remediation_failed';

/** Who, when and what of one remediation step, as it lands in the drift's history. */
export interface RemediationHistoryInput {
  type: RemediationHistoryType;
  remediationId: string;
  at: string;
  actor: string;
  reason: string;
}

/**
 * A write that appends one remediation event to the drift's history. The record itself is
 * unchanged but for its version: the write is conditional, so it never overwrites a scan's update,
 * and the event key (`<at>#<remediationId>#<type>`) makes a replayed step write the same event.
 */
export function remediationHistoryWrite(record: DriftRecord, input: RemediationHistoryInput): LifecycleWrite {
  const event: HistoryEvent = {
    driftId: record.id,
    eventId: `${input.at}#${input.remediationId}#${input.type}`,
    type: input.type,
    at: input.at,
    actor: input.actor,
    status: record.status,
    severity: record.severity,
    reason: input.reason.slice(0, 2000),
  };
  return {
    record: { ...record, version: record.version + 1 },
    expectedVersion: record.version,
    events: [event],
  };
}
