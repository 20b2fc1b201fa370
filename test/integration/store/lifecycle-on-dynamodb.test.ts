import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/store.ts';
import { acknowledge } from '../../../lib/core/lifecycle/acknowledge.ts';
import { recordScan } from '../../../lib/core/lifecycle/record-scan.ts';
import type { DriftReport } from '../../../lib/core/model/report.ts';
import { freshStore, startDynalite, type TestDynamo, WRITE_COMMANDS } from '../../helpers/dynalite.ts';
import {
  at,
  changed,
  facts,
  fingerprint,
  report,
  scope,
  TARGET,
  unmanaged,
} from '../../unit/core/lifecycle/builders.ts';

// The lifecycle against the real store code on dynalite (the unit tests use an in-memory fake).
let d: TestDynamo;
let store: DynamoDbDriftStore;
beforeAll(async () => {
  d = await startDynalite();
});
afterAll(() => d.close());

let scanNo = 0;
const scan = (r: DriftReport, when: Date, scanId = `scan-${++scanNo}`) =>
  recordScan(store, { target: TARGET, scanId, startedAt: when, report: r, fingerprint, resolution: facts() });

const writes = () => d.calls.filter((c) => WRITE_COMMANDS.has(c)).length;

describe('drift lifecycle on DynamoDB', () => {
  it('opens, keeps, resolves, reopens and flags flapping after 3 reopens in 24 h', async () => {
    store = await freshStore(d);
    const drift = changed();
    await scan(report([drift]), at(0));
    const id = (await store.listOpen(TARGET))[0]!.id;
    for (let i = 1; i <= 3; i++) {
      await scan(report([]), at(i * 2));
      await scan(report([drift]), at(i * 2 + 1));
    }
    const record = (await store.get(id))!;
    expect(record).toMatchObject({ status: 'active', reopenCount: 3, flapping: true });
    const types = (await store.history(id, 50)).items.map((e) => e.type).sort();
    expect(types).toEqual(
      ['opened', 'reopened', 'reopened', 'reopened', 'resolved', 'resolved', 'resolved'].sort(),
    );
  });

  it('costs exactly two writes (the scan record) for an unchanged rescan', async () => {
    store = await freshStore(d);
    const drifts = Array.from({ length: 30 }, (_, i) => unmanaged({ id: `arn:aws:s3:::stray-${i}` }));
    await scan(report(drifts), at(0));
    const before = writes();
    await scan(report(drifts), at(1));
    expect(writes() - before).toBe(2);
  });

  it('re-running a scan id writes no duplicate history', async () => {
    store = await freshStore(d);
    await scan(report([changed()]), at(0), 'scan-x');
    await scan(report([changed()]), at(0), 'scan-x');
    const id = (await store.listOpen(TARGET))[0]!.id;
    expect((await store.history(id, 50)).items.map((e) => e.type)).toEqual(['opened']);
  });

  it('never resolves drift of a scope the scan listed incompletely', async () => {
    store = await freshStore(d);
    await scan(report([changed()]), at(0));
    await scan(report([], [scope({ complete: false, reason: 'AccessDenied' })]), at(1));
    expect((await store.listOpen(TARGET)).map((r) => r.status)).toEqual(['active']);
  });

  it('returns an expired acknowledgement to active at the next scan', async () => {
    store = await freshStore(d);
    await scan(report([changed()]), at(0));
    const record = (await store.listOpen(TARGET))[0]!;
    await store.apply([
      acknowledge(record, { by: 'alice', reason: 'change window', expiresAt: at(5).toISOString() }, at(1)),
    ]);
    expect((await store.get(record.id))!.status).toBe('acknowledged');
    await scan(report([changed()]), at(6));
    const after = (await store.get(record.id))!;
    expect(after.status).toBe('active');
    expect((await store.history(record.id, 50)).items.map((e) => e.type)).toContain(
      'acknowledgement_expired',
    );
  });

  it('two racing scans of one target lose no update', async () => {
    store = await freshStore(d);
    const a = changed();
    const b = unmanaged({ id: 'arn:aws:s3:::racer' });
    await Promise.all([scan(report([a]), at(1), 'race-1'), scan(report([a, b]), at(1), 'race-2')]);
    const open = (await store.listOpen(TARGET)).map((r) => r.identity).sort();
    expect(open).toEqual([a.address, b.id].sort());
  });
});
