import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  expireAcknowledgements,
  unacknowledge,
} from '../../../../lib/core/lifecycle/acknowledge.ts';
import { LifecycleError } from '../../../../lib/core/lifecycle/errors.ts';
import type { DriftRecord } from '../../../../lib/core/model/drift-record.ts';
import { applied, at, changed, only, plan, report } from './builders.ts';

const opened = (): DriftRecord => only(applied([], plan({ report: report([changed()]) }).writes));
const acked = (expiresAt?: string): DriftRecord =>
  acknowledge(
    opened(),
    { by: 'alice@example.com', reason: 'CAB-1142: tag fixed next sprint', expiresAt },
    at(1),
  ).record;

describe('acknowledge / unacknowledge', () => {
  it('acknowledges an open drift with who, why and when it lapses', () => {
    const w = acknowledge(
      opened(),
      { by: 'alice@example.com', reason: 'CAB-1142', expiresAt: '2026-03-09T08:00:00Z' },
      at(1),
    );
    expect(w.expectedVersion).toBe(1);
    expect(w.record).toMatchObject({
      status: 'acknowledged',
      version: 2,
      lastScanId: 'scan-1',
      acknowledgement: {
        by: 'alice@example.com',
        reason: 'CAB-1142',
        at: at(1).toISOString(),
        expiresAt: '2026-03-09T08:00:00.000Z',
      },
    });
    expect(w.events).toEqual([
      {
        driftId: w.record.id,
        eventId: `${at(1).toISOString()}#alice@example.com#acknowledged`,
        type: 'acknowledged',
        at: at(1).toISOString(),
        actor: 'alice@example.com',
        status: 'acknowledged',
        severity: 'low',
        reason: 'CAB-1142',
      },
    ]);
  });

  it('refuses resolved drift, blank reasons and expiry in the past', () => {
    const resolved = { ...opened(), status: 'resolved' as const, resolvedAt: at(1).toISOString() };
    expect(() => acknowledge(resolved, { by: 'a', reason: 'r' }, at(2))).toThrow(LifecycleError);
    expect(() => acknowledge(opened(), { by: 'a', reason: '  ' }, at(2))).toThrow(/needs a reason/);
    expect(() =>
      acknowledge(opened(), { by: 'a', reason: 'r', expiresAt: at(2).toISOString() }, at(2)),
    ).toThrow(/in the future/);
  });

  it('unacknowledges: active again, acknowledgement gone, event by the actor', () => {
    const w = unacknowledge(acked(), 'bob@example.com', at(2));
    expect(w.record.status).toBe('active');
    expect(w.record.acknowledgement).toBeUndefined();
    expect(w.record.version).toBe(3);
    expect(w.events.map((e) => [e.type, e.actor, e.eventId])).toEqual([
      ['unacknowledged', 'bob@example.com', `${at(2).toISOString()}#bob@example.com#unacknowledged`],
    ]);
    expect(() => unacknowledge(opened(), 'bob', at(2))).toThrow(LifecycleError);
  });
});

describe('acknowledgement expiry', () => {
  it('a scan returns an expired acknowledgement to active (unchanged drift)', () => {
    const rec = acked(at(10).toISOString());
    const before = plan({ report: report([changed()]), previous: [rec], scanId: 'scan-2', now: at(9) });
    expect(before.writes).toEqual([]);
    const after = plan({ report: report([changed()]), previous: [rec], scanId: 'scan-3', now: at(10) });
    expect(after.counts).toMatchObject({ expired: 1, unchanged: 0, changed: 0 });
    const w = after.writes[0];
    expect(w?.record.status).toBe('active');
    expect(w?.record.acknowledgement).toBeUndefined();
    expect(w?.events.map((e) => [e.type, e.eventId, e.reason])).toEqual([
      [
        'acknowledgement_expired',
        `${at(10).toISOString()}#scan-3#acknowledgement_expired`,
        `acknowledgement by alice@example.com expired at ${at(10).toISOString()}`,
      ],
    ]);
  });

  it('expires acknowledgements of records in scopes the scan could not resolve', () => {
    const rec = acked(at(10).toISOString());
    const p = plan({ report: report([], []), previous: [rec], scanId: 'scan-2', now: at(11) });
    expect(p.writes.map((w) => [w.record.status, w.events[0]?.type])).toEqual([
      ['active', 'acknowledgement_expired'],
    ]);
  });

  it('expireAcknowledgements sweeps only lapsed ones', () => {
    const lapsed = acked(at(10).toISOString());
    const later = { ...acked(at(30).toISOString()), id: 'other' };
    const forever = { ...acked(), id: 'forever' };
    const writes = expireAcknowledgements([lapsed, later, forever, opened()], at(12));
    expect(writes.map((w) => [w.record.id, w.record.status, w.expectedVersion, w.events[0]?.actor])).toEqual([
      [lapsed.id, 'active', 2, 'driftwatch'],
    ]);
  });

  it('an acknowledged drift whose content changes is active again, the change event says so', () => {
    const rec = acked();
    const newer = changed({ changes: [{ path: 'tags.env', desired: 'prod', actual: 'dev' }] });
    const p = plan({ report: report([newer]), previous: [rec], scanId: 'scan-2', now: at(3) });
    expect(p.counts.changed).toBe(1);
    const w = p.writes[0];
    expect(w?.record.status).toBe('active');
    expect(w?.record.acknowledgement).toBeUndefined();
    expect(w?.events.map((e) => [e.type, e.status, e.reason])).toEqual([
      ['changed', 'active', 'acknowledgement cleared: the drift changed'],
    ]);
  });

  it('a resolved acknowledged drift loses its acknowledgement', () => {
    const p = plan({ report: report([]), previous: [acked()], scanId: 'scan-2', now: at(3) });
    expect(p.writes[0]?.record.status).toBe('resolved');
    expect(p.writes[0]?.record.acknowledgement).toBeUndefined();
  });
});
