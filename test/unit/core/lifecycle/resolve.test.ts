import { describe, expect, it } from 'vitest';
import type { Drift } from '../../../../lib/core/model/drift.ts';
import {
  applied,
  at,
  changed,
  type Facts,
  facts,
  missing,
  OTHER_SCOPE,
  plan,
  report,
  SCOPE,
  scope,
  unmanaged,
} from './builders.ts';

const ADDR = 'module.storage.aws_s3_bucket.logs';
const ARN = 'arn:aws:s3:::shop-logs-111122223333';

/** Opens `d` at T0, then plans a scan at +1 h that no longer finds it, with the given facts. */
function resolveWith(d: Drift, f: Facts) {
  const open = applied([], plan({ report: report([d]) }).writes);
  return plan({ report: report([]), previous: open, scanId: 'scan-2', now: at(1), resolution: facts(f) });
}

describe('planScan: resolution reasons', () => {
  const cases: [string, Drift, Facts, string][] = [
    ['unmanaged item now declared', unmanaged(), { live: [unmanaged().id] }, 'state_updated'],
    ['unmanaged item deleted', unmanaged(), { live: [] }, 'resource_deleted'],
    ['missing resource back live', missing(), { declared: [missing().address ?? ''] }, 'fixed_live'],
    ['missing resource removed from code', missing(), { declared: [] }, 'state_updated'],
    ['changed resource removed from code', changed(), { declared: [], live: [ARN] }, 'state_updated'],
    [
      'changed resource: code now says what runs',
      changed(),
      { declared: [ADDR], live: [ARN], desired: { [ADDR]: { 'tags.env': 'staging' } } },
      'state_updated',
    ],
    [
      'changed resource: live put back',
      changed(),
      { declared: [ADDR], live: [ARN], desired: { [ADDR]: { 'tags.env': 'prod' } } },
      'fixed_live',
    ],
    [
      'changed resource: declared but gone live',
      changed(),
      { declared: [ADDR], live: [] },
      'resource_deleted',
    ],
  ];
  it.each(cases)('%s', (_, d, f, resolution) => {
    const p = resolveWith(d, f);
    expect(p.counts.resolved).toBe(1);
    const w = p.writes[0];
    expect(w?.record).toMatchObject({
      status: 'resolved',
      resolution,
      resolvedAt: at(1).toISOString(),
      version: 2,
      lastScanId: 'scan-2',
    });
    expect(w?.expectedVersion).toBe(1);
    expect(w?.events).toEqual([
      {
        driftId: w?.record.id,
        eventId: `${at(1).toISOString()}#scan-2#resolved`,
        type: 'resolved',
        at: at(1).toISOString(),
        scanId: 'scan-2',
        status: 'resolved',
        severity: d.severity,
        resolution,
      },
    ]);
  });

  it('compares the code with the live value under the generic normalizer ("3" = 3)', () => {
    const d = changed({ changes: [{ path: 'versioning.0.mfa_delete', desired: false, actual: 3 }] });
    const p = resolveWith(d, {
      declared: [ADDR],
      live: [ARN],
      desired: { [ADDR]: { 'versioning.0.mfa_delete': '3' } },
    });
    expect(p.writes[0]?.record.resolution).toBe('state_updated');
  });

  it('needs every changed path to match the live value for state_updated', () => {
    const d = changed({
      changes: [
        { path: 'tags.env', desired: 'prod', actual: 'staging' },
        { path: 'tags.team', desired: 'a', actual: 'b' },
      ],
    });
    const p = resolveWith(d, {
      declared: [ADDR],
      live: [ARN],
      desired: { [ADDR]: { 'tags.env': 'staging', 'tags.team': 'a' } },
    });
    expect(p.writes[0]?.record.resolution).toBe('fixed_live');
  });

  it('matches sensitive changes by the live side of the digest', () => {
    const d = changed({
      changes: [
        {
          path: 'password',
          desired: '(sensitive)',
          actual: '(sensitive)',
          sensitive: true,
          digest: 'h:old|h:new',
        },
      ],
    });
    const code = (hash: string) => ({
      declared: [ADDR],
      live: [ARN],
      desired: { [ADDR]: { password: { $sensitive: hash } } },
    });
    expect(resolveWith(d, code('h:new')).writes[0]?.record.resolution).toBe('state_updated');
    expect(resolveWith(d, code('h:old')).writes[0]?.record.resolution).toBe('fixed_live');
  });
});

describe('planScan: safety of resolution', () => {
  const open = () =>
    applied(
      [],
      plan({
        report: report(
          [changed(), unmanaged({ scope: OTHER_SCOPE })],
          [scope(), scope({ scope: OTHER_SCOPE })],
        ),
      }).writes,
    );

  it('never resolves a drift of a scope listed incompletely', () => {
    const p = plan({
      report: report(
        [],
        [
          scope({ complete: false, reason: 'AccessDenied on ListDiscoveredResources' }),
          scope({ scope: OTHER_SCOPE }),
        ],
      ),
      previous: open(),
      scanId: 'scan-2',
      now: at(1),
    });
    expect(p.writes.map((w) => [w.record.scope, w.record.status])).toEqual([[OTHER_SCOPE, 'resolved']]);
    expect(p.counts).toMatchObject({ resolved: 1, unchanged: 1 });
  });

  it('leaves drift of a scope the scan did not cover untouched', () => {
    const p = plan({ report: report([], [scope()]), previous: open(), scanId: 'scan-2', now: at(1) });
    expect(p.writes.map((w) => w.record.scope)).toEqual([SCOPE]);
  });

  it('resolves a record without scope only when every scope is complete', () => {
    const prev = applied([], plan({ report: report([changed({ scope: undefined })]) }).writes);
    const partial = report([], [scope(), scope({ scope: OTHER_SCOPE, complete: false })]);
    expect(plan({ report: partial, previous: prev, scanId: 's2', now: at(1) }).writes).toEqual([]);
    expect(plan({ report: report([], []), previous: prev, scanId: 's2', now: at(1) }).writes).toEqual([]);
    const full = report([], [scope(), scope({ scope: OTHER_SCOPE })]);
    expect(plan({ report: full, previous: prev, scanId: 's2', now: at(1) }).counts.resolved).toBe(1);
  });

  it('never resolves a declared resource the engine could not check', () => {
    const notChecked = [{ address: ADDR, type: 'aws_s3_bucket', id: ARN, reason: 'no coverage evidence' }];
    const p = plan({
      report: report([], [scope()], { notChecked }),
      previous: open(),
      scanId: 's2',
      now: at(1),
    });
    expect(p.writes).toEqual([]);
  });

  it('does not let an older scan that lost a race undo a newer one', () => {
    const newer = applied([], plan({ report: report([changed()]), now: at(5), scanId: 'newer' }).writes);
    const older = plan({ report: report([]), previous: newer, now: at(4), scanId: 'older' });
    expect(older.writes).toEqual([]);
    expect(older.counts).toMatchObject({ resolved: 0, unchanged: 1 });
  });
});
