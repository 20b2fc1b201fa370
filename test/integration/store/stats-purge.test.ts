import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/store.ts';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { driftRecord, historyEvent, openWrite, scanRecord } from './factory.ts';

let d: TestDynamo;
beforeAll(async () => {
  d = await startDynalite();
});
afterAll(() => d.close());

const day = (n: number, h = 8) => new Date(Date.UTC(2026, 10, n, h)).toISOString();

/** Opens a record on `opened` and, when given, resolves it on `resolved` (two lifecycle writes). */
async function lifecycle(store: DynamoDbDriftStore, r: DriftRecord, resolved?: string): Promise<void> {
  await store.apply([openWrite(r)]);
  if (!resolved) return;
  const done = { ...r, status: 'resolved' as const, resolvedAt: resolved, resolution: 'fixed_live' as const };
  const ev = historyEvent({ ...done, lastScanId: 'scan-fix' }, 'resolved', resolved);
  await store.apply([
    { record: { ...done, lastChangedAt: resolved, version: 2 }, expectedVersion: 1, events: [ev] },
  ]);
}

describe('DynamoDbDriftStore.stats', () => {
  it('counts by status/severity/provider/category, the daily trend and coverage per target', async () => {
    const store = await freshStore(d);
    const mk = (i: number, at: string, p: Partial<DriftRecord> = {}) =>
      driftRecord({ identity: `aws_instance.web[${i}]`, firstDetectedAt: at, lastChangedAt: at, ...p });
    await lifecycle(store, mk(1, day(18), { severity: 'high' }));
    await lifecycle(store, mk(2, day(18, 9)), day(19));
    await lifecycle(
      store,
      mk(3, day(19), { provider: 'gcp', type: 'google_compute_instance', category: 'TagChange' }),
    );
    await lifecycle(store, mk(4, day(20), { status: 'acknowledged', severity: 'critical' }));
    await lifecycle(store, mk(5, day(20, 1)), day(20, 2));
    await lifecycle(store, mk(6, day(10)), day(11)); // outside the window
    await store.putScan(scanRecord({ scanId: 'p1', startedAt: day(19), finishedAt: day(19, 9) }));
    await store.putScan(
      scanRecord({
        scanId: 'p2',
        startedAt: day(20),
        finishedAt: day(20, 9),
        summary: { managed: 400, unmanaged: 2, missing: 0, changed: 3, coverage: 0.88, complete: false },
      }),
    );
    await store.putScan(
      scanRecord({ scanId: 'p3', startedAt: day(20, 10), status: 'running', summary: undefined }),
    );
    await store.putScan(scanRecord({ scanId: 's1', target: 'staging', startedAt: day(18) }));

    const stats = await store.stats(3, new Date(day(20, 12)));
    expect(stats.byStatus).toEqual({ active: 2, acknowledged: 1, resolved: 3 });
    expect(stats.bySeverity).toEqual({ low: 0, medium: 1, high: 1, critical: 1 });
    expect(stats.byProvider).toEqual({ aws: 2, gcp: 1 });
    expect(stats.byCategory).toEqual({ ConfigurationChange: 2, TagChange: 1 });
    expect(stats.trend).toEqual([
      { day: '2026-11-18', opened: 2, resolved: 0 },
      { day: '2026-11-19', opened: 1, resolved: 1 },
      { day: '2026-11-20', opened: 2, resolved: 1 },
    ]);
    expect(stats.targets).toEqual([
      { target: 'prod-eu', lastScanId: 'p2', coverage: 0.88, complete: false, at: day(20, 9) },
      { target: 'staging', lastScanId: 's1', coverage: 0.97, complete: true, at: '2026-11-20T08:16:12.000Z' },
    ]);
    expect(d.calls).not.toContain('Scan');
  });
});

describe('DynamoDbDriftStore.purgeTarget', () => {
  it("deletes a target's records, events and scans and nothing of other targets", async () => {
    const store = await freshStore(d);
    const gone = [1, 2, 3].map((i) => driftRecord({ target: 'old-account', identity: `aws_vpc.v${i}` }));
    const kept = driftRecord({ target: 'prod-eu', identity: 'aws_vpc.main' });
    for (const r of [...gone, kept]) await lifecycle(store, r, r === gone[0] ? day(21) : undefined);
    await store.putScan(scanRecord({ scanId: 'old-1', target: 'old-account' }));
    await store.putScan(scanRecord({ scanId: 'prod-1' }));
    d.calls.length = 0;
    expect(await store.purgeTarget('old-account')).toBe(3);
    expect(d.calls).not.toContain('Scan');
    for (const r of gone) {
      expect(await store.get(r.id)).toBeUndefined();
      expect((await store.history(r.id, 10)).items).toEqual([]);
    }
    expect(await store.getScan('old-1')).toBeUndefined();
    expect((await store.query({ target: 'old-account', limit: 10 })).items).toEqual([]);
    expect((await store.get(kept.id))?.id).toBe(kept.id);
    expect((await store.history(kept.id, 10)).items).toHaveLength(1);
    expect((await store.getScan('prod-1'))?.scanId).toBe('prod-1');
    expect(await store.purgeTarget('old-account')).toBe(0);
  });
});
