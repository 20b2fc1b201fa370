import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingStore } from '../../../../functions/scan-finalize/recording-store.ts';
import type { DynamoDbDriftStore } from '../../../../lib/adapters/store/dynamodb/index.ts';
import { ConflictError } from '../../../../lib/core/ports/drift-store.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../../helpers/dynalite.ts';
import { applied, changed, missing, plan, report } from '../../core/lifecycle/builders.ts';

let d: TestDynamo;
let store: DynamoDbDriftStore;
beforeAll(async () => {
  d = await startDynalite();
  store = await freshStore(d);
});
afterAll(() => d.close());

describe('RecordingStore', () => {
  it('reports the writes that landed, including those of an apply that failed part-way', async () => {
    const first = plan({ report: report([changed()]) });
    await store.apply(first.writes);
    // A second plan built on stale reads: its write for changed() conflicts, missing() lands.
    const stale = plan({ report: report([changed(), missing()]), scanId: 'scan-2' });
    const rec = new RecordingStore(store);
    await expect(rec.store.apply(stale.writes)).rejects.toBeInstanceOf(ConflictError);
    const landed = await rec.confirmed('scan-2');
    expect(landed.map((w) => w.record.kind)).toEqual(['missing']);
    expect(applied([], first.writes)).toHaveLength(1);
  });

  it('passes every other call through to the store', async () => {
    const rec = new RecordingStore(store);
    expect(await rec.store.ping()).toBe(true);
    expect(await rec.confirmed('none')).toEqual([]);
  });
});
