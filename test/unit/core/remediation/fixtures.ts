import type { DriftRecord } from '../../../../lib/core/model/drift-record.ts';
import type { RemediationConfig } from '../../../../lib/core/remediation/index.ts';

/** A drift record as the store keeps it (values already redacted). */
export function record(p: Partial<DriftRecord> = {}): DriftRecord {
  return {
    id: 'ZHJpZnQ',
    target: 'prod-eu',
    identity: 'aws_s3_bucket.logs',
    kind: 'changed',
    provider: 'aws',
    type: 'aws_s3_bucket',
    address: 'aws_s3_bucket.logs',
    resourceId: 'arn:aws:s3:::acme-logs',
    scope: 'aws:123456789012:eu-west-1',
    category: 'TagChange',
    severity: 'high',
    changes: [
      { path: 'tags.env', desired: 'prod', actual: 'dev' },
      { path: 'tags.temp', desired: null, actual: 'yes' },
    ],
    fingerprint: 'fp',
    status: 'active',
    firstDetectedAt: '2026-03-10T08:00:00.000Z',
    lastChangedAt: '2026-03-10T08:00:00.000Z',
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    lastScanId: 'scan-1',
    version: 4,
    ...p,
  };
}

/** A Deployment whose replicas were scaled by hand (kubernetes manifests target). */
export function deployment(p: Partial<DriftRecord> = {}): DriftRecord {
  return record({
    identity: 'manifests/web.yaml#Deployment/shop/web',
    provider: 'kubernetes',
    type: 'apps/v1/Deployment',
    address: 'manifests/web.yaml#Deployment/shop/web',
    resourceId: 'shop/web',
    scope: 'kubernetes:prod',
    category: 'Scaling',
    severity: 'medium',
    changes: [{ path: 'spec.replicas', desired: 3, actual: 1 }],
    ...p,
  });
}

export function config(p: Partial<RemediationConfig> = {}): RemediationConfig {
  return {
    enabled: true,
    minSeverity: 'high',
    categories: [],
    targets: [],
    executor: 'revert-tags',
    dryRun: true,
    approvalTimeoutHours: 72,
    ...p,
  };
}
