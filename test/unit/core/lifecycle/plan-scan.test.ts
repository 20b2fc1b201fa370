import { describe, expect, it } from 'vitest';
import { driftId } from '../../../../lib/core/lifecycle/drift-id.ts';
import {
  applied,
  at,
  changed,
  fingerprint,
  missing,
  only,
  plan,
  report,
  run,
  T0,
  TARGET,
} from './builders.ts';

const ID = driftId(TARGET, changed());

describe('planScan: open, unchanged, changed', () => {
  it('opens a new drift as an active record with an opened event', () => {
    const p = plan({ report: report([changed()]) });
    expect(p.counts).toEqual({ opened: 1, changed: 0, resolved: 0, reopened: 0, unchanged: 0, expired: 0 });
    expect(p.writes).toHaveLength(1);
    const w = p.writes[0];
    expect(w?.expectedVersion).toBe(0);
    expect(w?.record).toEqual({
      id: ID,
      target: TARGET,
      identity: 'module.storage.aws_s3_bucket.logs',
      kind: 'changed',
      provider: 'aws',
      type: 'aws_s3_bucket',
      address: 'module.storage.aws_s3_bucket.logs',
      resourceId: 'arn:aws:s3:::shop-logs-111122223333',
      scope: 'aws:111122223333:eu-west-1',
      nativeType: 'AWS::S3::Bucket',
      category: 'tags',
      severity: 'low',
      changes: [{ path: 'tags.env', desired: 'prod', actual: 'staging' }],
      fingerprint: fingerprint(changed()),
      status: 'active',
      firstDetectedAt: '2026-03-02T08:00:00.000Z',
      lastChangedAt: '2026-03-02T08:00:00.000Z',
      reopenCount: 0,
      recentReopens: [],
      flapping: false,
      lastScanId: 'scan-1',
      version: 1,
    });
    expect(w?.events).toEqual([
      {
        driftId: ID,
        eventId: '2026-03-02T08:00:00.000Z#scan-1#opened',
        type: 'opened',
        at: '2026-03-02T08:00:00.000Z',
        scanId: 'scan-1',
        status: 'active',
        severity: 'low',
        changes: [{ path: 'tags.env', desired: 'prod', actual: 'staging' }],
      },
    ]);
  });

  it('writes nothing at all when a rescan finds the same drift', () => {
    const first = plan({ report: report([changed(), missing()]) });
    const again = plan({
      report: report([changed(), missing()]),
      scanId: 'scan-2',
      now: at(1),
      previous: applied([], first.writes),
    });
    expect(again.writes).toEqual([]);
    expect(again.counts).toEqual({
      opened: 0,
      changed: 0,
      resolved: 0,
      reopened: 0,
      unchanged: 2,
      expired: 0,
    });
  });

  it('updates a drift whose content changed: version + 1, lastChangedAt, changed event', () => {
    const changes = [
      { path: 'tags.env', desired: 'prod', actual: 'dev' },
      { path: 'tags.owner', desired: 'payments', actual: null },
    ];
    const { plans, records } = run([
      { drifts: [changed()], now: T0, scanId: 'scan-1' },
      { drifts: [changed({ changes, severity: 'medium' })], now: at(2), scanId: 'scan-2' },
    ]);
    expect(plans[1]?.counts.changed).toBe(1);
    expect(plans[1]?.writes[0]?.expectedVersion).toBe(1);
    const r = only(records);
    expect(r).toMatchObject({
      version: 2,
      status: 'active',
      severity: 'medium',
      changes,
      firstDetectedAt: T0.toISOString(),
      lastChangedAt: at(2).toISOString(),
      lastScanId: 'scan-2',
      fingerprint: fingerprint(changed({ changes, severity: 'medium' })),
    });
    expect(plans[1]?.writes[0]?.events).toEqual([
      {
        driftId: ID,
        eventId: `${at(2).toISOString()}#scan-2#changed`,
        type: 'changed',
        at: at(2).toISOString(),
        scanId: 'scan-2',
        status: 'active',
        severity: 'medium',
        changes,
      },
    ]);
  });

  it('opens every drift of a report once, even when a drift is listed twice', () => {
    const p = plan({ report: report([changed(), changed(), missing()]) });
    expect(p.writes.map((w) => w.record.kind)).toEqual(['changed', 'missing']);
    expect(p.counts.opened).toBe(2);
  });

  it('ignores records of another target', () => {
    const other = applied([], plan({ report: report([changed()]), target: 'staging-shop' }).writes);
    const p = plan({ report: report([]), previous: other, scanId: 'scan-2', now: at(1) });
    expect(p.writes).toEqual([]);
  });
});

describe('planScan: reopen and flapping', () => {
  const gone = (h: number, n: number) => ({
    drifts: [],
    now: at(h),
    scanId: `gone-${n}`,
    facts: { declared: [] },
  });
  const back = (h: number, n: number) => ({ drifts: [changed()], now: at(h), scanId: `back-${n}` });

  it('reopens a resolved drift: active, reopenCount + 1, reopened event, resolution cleared', () => {
    const { plans, records } = run([back(0, 0), gone(1, 1), back(2, 1)]);
    expect(plans[2]?.counts.reopened).toBe(1);
    const r = only(records);
    expect(r.status).toBe('active');
    expect(r.reopenCount).toBe(1);
    expect(r.recentReopens).toEqual([at(2).toISOString()]);
    expect(r.flapping).toBe(false);
    expect(r.resolvedAt).toBeUndefined();
    expect(r.resolution).toBeUndefined();
    expect(r.firstDetectedAt).toBe(T0.toISOString());
    expect(r.version).toBe(3);
    expect(plans[2]?.writes[0]?.events.map((e) => [e.type, e.eventId])).toEqual([
      ['reopened', `${at(2).toISOString()}#back-1#reopened`],
    ]);
  });

  it('flags flapping on the third reopen within 24 h', () => {
    const { records, plans } = run([
      back(0, 0),
      gone(1, 1),
      back(2, 1),
      gone(3, 2),
      back(4, 2),
      gone(5, 3),
      back(6, 3),
    ]);
    const r = only(records);
    expect(r.reopenCount).toBe(3);
    expect(r.recentReopens).toEqual([at(2), at(4), at(6)].map((d) => d.toISOString()));
    expect(r.flapping).toBe(true);
    expect(plans[4]?.writes[0]?.record.flapping).toBe(false);
  });

  it('does not flag three reopens spread over days', () => {
    const { records } = run([
      back(0, 0),
      gone(1, 1),
      back(2, 1),
      gone(20, 2),
      back(26, 2),
      gone(40, 3),
      back(52, 3),
    ]);
    const r = only(records);
    expect(r.reopenCount).toBe(3);
    expect(r.recentReopens).toEqual([at(52).toISOString()]);
    expect(r.flapping).toBe(false);
  });
});

describe('planScan: re-running a scan id', () => {
  it('writes nothing for records this scan already wrote, even if the re-run sees other content', () => {
    const first = plan({ report: report([changed(), missing()]) });
    const records = applied([], first.writes);
    const other = changed({ changes: [{ path: 'tags.env', desired: 'prod', actual: 'dev' }] });
    const again = plan({ report: report([other, missing()]), previous: records });
    expect(again.writes).toEqual([]);
    // Counted as what the first run did, so the scan record stays the same.
    expect(again.counts).toEqual(first.counts);
  });

  it('counts a replayed change and reopen as such', () => {
    const { records } = run([
      { drifts: [changed()], now: T0, scanId: 's1' },
      { drifts: [], now: at(1), scanId: 's2' },
      { drifts: [changed(), missing({ changes: [] })], now: at(2), scanId: 's3' },
    ]);
    const other = changed({ changes: [{ path: 'tags.env', desired: 'prod', actual: 'dev' }] });
    const s4 = plan({ report: report([other, missing()]), previous: records, scanId: 's4', now: at(3) });
    const after = applied(records, s4.writes);
    const replay = plan({ report: report([other, missing()]), previous: after, scanId: 's4', now: at(3) });
    expect(replay.writes).toEqual([]);
    expect(replay.counts).toEqual(s4.counts);
    expect(s4.counts).toMatchObject({ changed: 1, unchanged: 1 });
    const reopen = plan({
      report: report([changed()]),
      previous: applied(records, []),
      scanId: 's3',
      now: at(2),
    });
    expect(reopen.counts).toMatchObject({ reopened: 1 });
  });
});
