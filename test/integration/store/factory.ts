import { createHash } from 'node:crypto';
import type { DriftRecord, HistoryEvent, ScanRecord } from '../../../lib/core/model/drift-record.ts';
import type { LifecycleWrite } from '../../../lib/core/ports/drift-store.ts';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** A realistic drift record: an S3 bucket whose versioning and tags drifted, in account 123456789012. */
export function driftRecord(p: Partial<DriftRecord> & { identity?: string } = {}): DriftRecord {
  const target = p.target ?? 'prod-eu';
  const identity = p.identity ?? 'module.storage.aws_s3_bucket.logs';
  const at = p.lastChangedAt ?? '2026-11-20T08:15:00.000Z';
  return {
    id: hash(`${target}\u0000${identity}`),
    target,
    identity,
    kind: 'changed',
    provider: 'aws',
    type: 'aws_s3_bucket',
    address: identity,
    resourceId: `arn:aws:s3:::acme-${hash(identity).slice(0, 6)}-logs`,
    scope: 'aws:123456789012:eu-west-1',
    nativeType: 'AWS::S3::Bucket',
    category: 'ConfigurationChange',
    severity: 'medium',
    changes: [
      { path: 'versioning.0.enabled', desired: true, actual: false },
      { path: 'tags.CostCenter', desired: 'cc-4410', actual: null },
    ],
    fingerprint: `hmac-sha256:${hash(identity + at)}`,
    status: 'active',
    firstDetectedAt: at,
    lastChangedAt: at,
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    lastScanId: 'scan-2026-11-20T08-15-00Z-prod-eu',
    version: 1,
    ...p,
  };
}

/** The history event of a transition of a record, keyed the way the lifecycle keys it. */
export function historyEvent(r: DriftRecord, type: HistoryEvent['type'], at = r.lastChangedAt): HistoryEvent {
  return {
    driftId: r.id,
    eventId: `${at}#${r.lastScanId}#${type}`,
    type,
    at,
    scanId: r.lastScanId,
    status: r.status,
    severity: r.severity,
    ...(type === 'opened' || type === 'changed' || type === 'reopened' ? { changes: r.changes } : {}),
    ...(type === 'resolved' ? { resolution: r.resolution ?? 'fixed_live' } : {}),
  };
}

/** The write that opens a record (version 1, must not exist yet). */
export const openWrite = (r: DriftRecord): LifecycleWrite => ({
  record: { ...r, version: 1 },
  expectedVersion: 0,
  events: [historyEvent(r, 'opened')],
});

/** A scan record of a target. */
export function scanRecord(p: Partial<ScanRecord> & Pick<ScanRecord, 'scanId'>): ScanRecord {
  return {
    target: 'prod-eu',
    status: 'completed',
    startedAt: '2026-11-20T08:15:00.000Z',
    finishedAt: '2026-11-20T08:16:12.000Z',
    summary: { managed: 412, unmanaged: 3, missing: 1, changed: 7, coverage: 0.97, complete: true },
    scopes: [{ provider: 'aws', scope: 'aws:123456789012:eu-west-1', complete: true, nativeTypes: '*' }],
    incompleteScopes: [],
    opened: 2,
    resolved: 1,
    changed: 0,
    ...p,
  };
}
