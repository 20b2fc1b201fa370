import { describe, expect, it } from 'vitest';
import { driftId } from '../../../../lib/core/lifecycle/drift-id.ts';
import {
  MAX_SCAN_ATTEMPTS,
  type RecordScanInput,
  recordScan,
} from '../../../../lib/core/lifecycle/record-scan.ts';
import type { Drift } from '../../../../lib/core/model/drift.ts';
import { ConflictError } from '../../../../lib/core/ports/drift-store.ts';
import { at, changed, facts, fingerprint, missing, report, scope, TARGET, unmanaged } from './builders.ts';
import { MemoryDriftStore } from './memory-store.ts';

const input = (
  drifts: Drift[],
  scanId: string,
  hours: number,
  p: Partial<RecordScanInput> = {},
): RecordScanInput => ({
  target: TARGET,
  scanId,
  startedAt: at(hours),
  report: report(drifts),
  fingerprint,
  resolution: facts({ declared: [missing().address ?? ''], live: [] }),
  clock: () => at(hours + 0.25),
  ...p,
});

describe('recordScan', () => {
  it('records a scan: running then completed with summary, scopes and counts', async () => {
    const store = new MemoryDriftStore();
    const statuses: string[] = [];
    store.beforePutScan = (s) => {
      statuses.push(s.status);
    };
    const out = await recordScan(store, input([changed(), missing(), unmanaged()], 'scan-1', 0));
    expect(statuses).toEqual(['running', 'completed']);
    expect(await store.getScan('scan-1')).toEqual({
      scanId: 'scan-1',
      target: TARGET,
      status: 'completed',
      startedAt: at(0).toISOString(),
      finishedAt: at(0.25).toISOString(),
      summary: report([]).summary,
      scopes: [scope()],
      incompleteScopes: [],
      opened: 3,
      resolved: 0,
      changed: 0,
    });
    expect(out.counts).toEqual({ opened: 3, changed: 0, resolved: 0, reopened: 0, unchanged: 0, expired: 0 });
    expect(store.records.size).toBe(3);
  });

  it('an unchanged rescan writes only the scan record (O(1) items)', async () => {
    const store = new MemoryDriftStore();
    const many = Array.from({ length: 200 }, (_, i) =>
      unmanaged({ id: `arn:aws:sqs:eu-west-1:111122223333:q-${i}` }),
    );
    await recordScan(store, input(many, 'scan-1', 0));
    const before = { items: store.writeCount, records: store.recordWrites, events: store.eventWrites };
    const out = await recordScan(store, input(many, 'scan-2', 1));
    expect(out.counts.unchanged).toBe(200);
    expect(store.recordWrites - before.records).toBe(0);
    expect(store.eventWrites - before.events).toBe(0);
    expect(store.writeCount - before.items).toBe(2); // running + completed scan record
  });

  it('re-running a scan (same id) writes no record and no event again, and reports the same counts', async () => {
    const store = new MemoryDriftStore();
    await recordScan(store, input([changed(), missing()], 'scan-1', 0));
    const first = await recordScan(store, input([changed()], 'scan-2', 1));
    const events = store.events.size;
    const records = store.recordWrites;
    const again = await recordScan(store, input([changed()], 'scan-2', 1));
    expect(store.events.size).toBe(events);
    expect(store.recordWrites).toBe(records);
    expect(again.counts).toEqual({ ...first.counts, resolved: 0 });
    expect((await store.getScan('scan-2'))?.resolved).toBe(1);
    expect(first.counts).toMatchObject({ resolved: 1, unchanged: 1 });
    expect((await store.getScan('scan-2'))?.resolved).toBe(1);
  });

  it('two racing scans of a target lose no update: the loser re-reads and re-plans', async () => {
    const store = new MemoryDriftStore();
    await recordScan(store, input([changed()], 'scan-1', 0));
    const mine = changed({ changes: [{ path: 'tags.env', desired: 'prod', actual: 'dev' }] });
    const rival = changed({ changes: [{ path: 'tags.env', desired: 'prod', actual: 'qa' }] });
    let raced = false;
    store.beforeApply = async () => {
      if (raced) return;
      raced = true;
      // scan-3 (newer) reads and applies while scan-2 sits between its read and its write.
      await recordScan(store, input([rival, unmanaged()], 'scan-3', 2));
    };
    const older = await recordScan(store, input([mine, missing()], 'scan-2', 1));
    expect(older.attempts).toBe(2);
    expect(older.counts).toMatchObject({ opened: 1, changed: 0, resolved: 0, unchanged: 2 });
    const rec = await store.get(driftId(TARGET, changed()));
    // scan-3 is newer: its content stays, the older scan does not roll it back.
    expect(rec?.changes).toEqual(rival.changes);
    expect(rec?.lastScanId).toBe('scan-3');
    // Both scans' new drifts exist: nothing was lost.
    expect((await store.get(driftId(TARGET, missing())))?.status).toBe('active');
    expect((await store.get(driftId(TARGET, unmanaged())))?.status).toBe('active');
    expect(store.eventsOf(driftId(TARGET, changed())).map((e) => [e.type, e.scanId])).toEqual([
      ['opened', 'scan-1'],
      ['changed', 'scan-3'],
    ]);
  });

  it('retries a bounded number of times, then fails the scan record and rethrows', async () => {
    const store = new MemoryDriftStore();
    store.beforeApply = () => {
      throw new ConflictError('x');
    };
    await expect(recordScan(store, input([changed()], 'scan-1', 0))).rejects.toThrow(ConflictError);
    expect(store.applyCalls).toBe(MAX_SCAN_ATTEMPTS);
    expect(await store.getScan('scan-1')).toMatchObject({
      status: 'failed',
      error: 'drift x was changed concurrently',
    });
  });

  it('a failing store marks the scan failed with the error', async () => {
    const store = new MemoryDriftStore();
    store.listOpen = () => Promise.reject(new Error('ProvisionedThroughputExceededException'));
    await expect(recordScan(store, input([changed()], 'scan-1', 0))).rejects.toThrow(
      'ProvisionedThroughputExceeded',
    );
    expect(await store.getScan('scan-1')).toMatchObject({
      status: 'failed',
      finishedAt: at(0.25).toISOString(),
      error: 'ProvisionedThroughputExceededException',
    });
  });

  it('a store that does not answer in time fails the scan instead of leaving it running', async () => {
    const store = new MemoryDriftStore();
    store.getMany = () => new Promise(() => {});
    await expect(recordScan(store, input([changed()], 'scan-1', 0, { timeoutMs: 50 }))).rejects.toThrow(
      /did not answer within 50 ms/,
    );
    expect((await store.getScan('scan-1'))?.status).toBe('failed');
  });

  it('keeps incomplete scopes on the scan record', async () => {
    const store = new MemoryDriftStore();
    const partial = report([], [scope(), scope({ scope: 'aws:111122223333:us-east-1', complete: false })]);
    await recordScan(store, input([], 'scan-1', 0, { report: partial }));
    expect((await store.getScan('scan-1'))?.incompleteScopes).toEqual(['aws:111122223333:us-east-1']);
  });
});
