import { createHmac } from 'node:crypto';
import { fingerprintMaterial } from '../../../../lib/core/lifecycle/fingerprint.ts';
import { planScan, type ScanPlan, type ScanPlanInput } from '../../../../lib/core/lifecycle/plan-scan.ts';
import type { ResolutionContext } from '../../../../lib/core/lifecycle/resolution.ts';
import type { Drift } from '../../../../lib/core/model/drift.ts';
import type { DriftRecord } from '../../../../lib/core/model/drift-record.ts';
import type { DriftReport, ScopeReport } from '../../../../lib/core/model/report.ts';
import type { LifecycleWrite } from '../../../../lib/core/ports/drift-store.ts';

export const TARGET = 'prod-shop';
export const SCOPE = 'aws:111122223333:eu-west-1';
export const OTHER_SCOPE = 'aws:111122223333:us-east-1';
export const T0 = new Date('2026-03-02T08:00:00.000Z');

/** `T0` plus some hours. */
export const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

/** Keyed fingerprint as the composition root builds it (HMAC over the canonical material). */
export const fingerprint = (d: Drift) =>
  createHmac('sha256', 'test-fingerprint-key').update(fingerprintMaterial(d)).digest('base64url');

/** A changed S3 bucket drift in SCOPE (tags.env prod → staging). */
export function changed(p: Partial<Drift> = {}): Drift {
  return {
    kind: 'changed',
    provider: 'aws',
    type: 'aws_s3_bucket',
    address: 'module.storage.aws_s3_bucket.logs',
    id: 'arn:aws:s3:::shop-logs-111122223333',
    severity: 'low',
    category: 'tags',
    changes: [{ path: 'tags.env', desired: 'prod', actual: 'staging' }],
    scope: SCOPE,
    nativeType: 'AWS::S3::Bucket',
    ...p,
  };
}

/** A declared EC2 instance that is gone live. */
export function missing(p: Partial<Drift> = {}): Drift {
  return {
    kind: 'missing',
    provider: 'aws',
    type: 'aws_instance',
    address: 'module.app.aws_instance.web[0]',
    id: 'i-0a1b2c3d4e5f60718',
    severity: 'high',
    category: 'existence',
    changes: [],
    scope: SCOPE,
    nativeType: 'AWS::EC2::Instance',
    ...p,
  };
}

/** A live security group no state declares. */
export function unmanaged(p: Partial<Drift> = {}): Drift {
  return {
    kind: 'unmanaged',
    provider: 'aws',
    type: 'AWS::EC2::SecurityGroup',
    address: null,
    id: 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0f1e2d3c4b5a69788',
    severity: 'medium',
    category: 'unmanaged',
    changes: [],
    scope: SCOPE,
    nativeType: 'AWS::EC2::SecurityGroup',
    ...p,
  };
}

export function scope(p: Partial<ScopeReport> = {}): ScopeReport {
  return { provider: 'aws', scope: SCOPE, complete: true, nativeTypes: '*', ...p };
}

export function report(
  drifts: Drift[],
  scopes: ScopeReport[] = [scope()],
  p: Partial<DriftReport> = {},
): DriftReport {
  return {
    version: 1,
    summary: { managed: 10, unmanaged: 0, missing: 0, changed: 0, coverage: 1, complete: true },
    drifts,
    scopes,
    notChecked: [],
    existenceOnly: [],
    ignored: 0,
    generatedAt: T0.toISOString(),
    ...p,
  };
}

export interface Facts {
  declared?: string[];
  live?: string[];
  desired?: Record<string, Record<string, unknown>>;
}

/** A resolution context from plain facts. */
export function facts(f: Facts = {}): ResolutionContext {
  return {
    isDeclared: (a) => (f.declared ?? []).includes(a),
    isLive: (id) => (f.live ?? []).includes(id),
    desiredAt: (a, p) => f.desired?.[a]?.[p],
  };
}

/** planScan with test defaults. */
export function plan(p: Partial<ScanPlanInput> & Pick<ScanPlanInput, 'report'>): ScanPlan {
  return planScan({
    target: TARGET,
    scanId: 'scan-1',
    now: T0,
    previous: [],
    fingerprint,
    resolution: facts(),
    ...p,
  });
}

/** Records after applying writes to `records` (a pure stand-in for the store). */
export function applied(records: readonly DriftRecord[], writes: readonly LifecycleWrite[]): DriftRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const w of writes) {
    if ((byId.get(w.record.id)?.version ?? 0) !== w.expectedVersion)
      throw new Error(`conflict ${w.record.id}`);
    byId.set(w.record.id, w.record);
  }
  return [...byId.values()];
}

/** Runs scans one after another on a record list: each step's plan and the records after it. */
export function run(
  steps: { drifts: Drift[]; now: Date; scanId: string; scopes?: ScopeReport[]; facts?: Facts }[],
  start: DriftRecord[] = [],
): { plans: ScanPlan[]; records: DriftRecord[] } {
  let records = start;
  const plans: ScanPlan[] = [];
  for (const s of steps) {
    const p = plan({
      report: report(s.drifts, s.scopes),
      now: s.now,
      scanId: s.scanId,
      previous: records,
      resolution: facts(s.facts),
    });
    plans.push(p);
    records = applied(records, p.writes);
  }
  return { plans, records };
}

/** The only record (fails loudly otherwise). */
export function only(records: DriftRecord[]): DriftRecord {
  if (records.length !== 1) throw new Error(`expected one record, got ${records.length}`);
  return records[0] as DriftRecord;
}
