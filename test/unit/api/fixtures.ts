import type { LifecycleTransitions } from '../../../lib/api/types.ts';
import type { DriftRecord, HistoryEvent, ScanRecord } from '../../../lib/core/model/drift-record.ts';

/** Fixed clock of the API tests. */
export const NOW = new Date('2026-03-14T12:00:00.000Z');

/** A drift record as the store keeps it: an AWS security group whose ingress was widened by hand. */
export function driftRecord(p: Partial<DriftRecord> & Pick<DriftRecord, 'id'>): DriftRecord {
  return {
    target: 'prod-eu',
    identity: 'module.network.aws_security_group.web',
    kind: 'changed',
    provider: 'aws',
    type: 'aws_security_group',
    address: 'module.network.aws_security_group.web',
    resourceId: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f67890',
    scope: 'aws:123456789012:eu-west-1',
    nativeType: 'AWS::EC2::SecurityGroup',
    category: 'network',
    severity: 'high',
    changes: [
      { path: 'ingress.0.cidr_blocks.0', desired: '10.0.0.0/16', actual: '0.0.0.0/0' },
      { path: 'tags.owner', desired: 'platform', actual: null },
    ],
    fingerprint: 'hmac-sha256:5f0c0d3b9a8e7f6a5b4c3d2e1f0a9b8c',
    status: 'active',
    firstDetectedAt: '2026-03-10T08:00:00.000Z',
    lastChangedAt: '2026-03-10T08:00:00.000Z',
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    lastScanId: 'scan-2026-03-10T08-00-00Z-prod-eu',
    version: 1,
    ...p,
  };
}

/** A finished scan record of one target. */
export function scanRecord(p: Partial<ScanRecord> & Pick<ScanRecord, 'scanId'>): ScanRecord {
  return {
    target: 'prod-eu',
    status: 'completed',
    startedAt: '2026-03-14T06:00:00.000Z',
    finishedAt: '2026-03-14T06:01:12.000Z',
    summary: { managed: 48, unmanaged: 3, missing: 1, changed: 4, coverage: 0.96, complete: true },
    scopes: [{ provider: 'aws', scope: 'aws:123456789012:eu-west-1', complete: true, nativeTypes: '*' }],
    incompleteScopes: [],
    opened: 2,
    resolved: 1,
    changed: 1,
    ...p,
  };
}

class LifecycleError extends Error {
  override name = 'LifecycleError';
}

/** The lifecycle's acknowledge/unacknowledge contract, small enough to trust in router tests. */
export const fakeLifecycle: LifecycleTransitions = {
  acknowledge(record, input, now) {
    if (record.status === 'resolved') throw new LifecycleError(`drift ${record.id} is resolved`);
    const at = now.toISOString();
    const acknowledgement = {
      by: input.by,
      reason: input.reason,
      at,
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    };
    const next: DriftRecord = {
      ...record,
      status: 'acknowledged',
      acknowledgement,
      version: record.version + 1,
    };
    return {
      record: next,
      expectedVersion: record.version,
      events: [event(next, 'acknowledged', at, input.by, input.reason)],
    };
  },
  unacknowledge(record, by, now) {
    if (record.status !== 'acknowledged') throw new LifecycleError(`drift ${record.id} is not acknowledged`);
    const at = now.toISOString();
    const { acknowledgement: _gone, ...rest } = record;
    const next: DriftRecord = { ...rest, status: 'active', version: record.version + 1 };
    return { record: next, expectedVersion: record.version, events: [event(next, 'unacknowledged', at, by)] };
  },
};

function event(
  r: DriftRecord,
  type: HistoryEvent['type'],
  at: string,
  actor: string,
  reason?: string,
): HistoryEvent {
  return {
    driftId: r.id,
    eventId: `${at}#${actor}#${type}`,
    type,
    at,
    actor,
    status: r.status,
    severity: r.severity,
    ...(reason ? { reason } : {}),
  };
}
