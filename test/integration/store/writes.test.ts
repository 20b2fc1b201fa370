import type {
  BatchWriteItemCommandInput,
  BatchWriteItemCommandOutput,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWrite, UnprocessedItemsError } from '../../../lib/adapters/store/dynamodb/batch.ts';
import type { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/store.ts';
import { recordScan } from '../../../lib/core/lifecycle/record-scan.ts';
import type { DriftReport } from '../../../lib/core/model/report.ts';
import { ConflictError } from '../../../lib/core/ports/drift-store.ts';
import { freshStore, startDynalite, type TestDynamo, WRITE_COMMANDS } from '../../helpers/dynalite.ts';
import { driftRecord, historyEvent, openWrite } from './factory.ts';

let d: TestDynamo;
let store: DynamoDbDriftStore;
beforeAll(async () => {
  d = await startDynalite();
  store = await freshStore(d);
});
afterAll(() => d.close());

describe('DynamoDbDriftStore.apply', () => {
  it('lets exactly one of two writers of the same version win; the loser re-reads and loses nothing', async () => {
    const r = driftRecord({ identity: 'aws_iam_role.deployer' });
    await store.apply([openWrite(r)]);
    const base = (await store.get(r.id))!;
    const a = { ...base, severity: 'high' as const, lastScanId: 'scan-a', version: 2 };
    const b = { ...base, category: 'SecurityChange', lastScanId: 'scan-b', version: 2 };
    const results = await Promise.allSettled([
      store.apply([
        { record: a, expectedVersion: 1, events: [historyEvent(a, 'changed', '2026-11-21T00:00:00.000Z')] },
      ]),
      store.apply([
        { record: b, expectedVersion: 1, events: [historyEvent(b, 'changed', '2026-11-21T00:00:01.000Z')] },
      ]),
    ]);
    const lost = results.filter((x) => x.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((lost[0] as PromiseRejectedResult).reason.driftId).toBe(r.id);
    const winner = (await store.get(r.id))!;
    expect(winner.version).toBe(2);
    // The loser re-applies on top of what it reads now: both updates survive.
    const merged = { ...winner, severity: 'high' as const, category: 'SecurityChange', version: 3 };
    await store.apply([{ record: merged, expectedVersion: 2, events: [] }]);
    const final = (await store.get(r.id))!;
    expect([final.severity, final.category, final.version]).toEqual(['high', 'SecurityChange', 3]);
    // Only the winner's event was written.
    expect((await store.history(r.id, 10)).items.map((e) => e.scanId)).toEqual([
      winner.lastScanId,
      r.lastScanId,
    ]);
  });

  it('refuses to create a record twice, keeps the other writes of the batch, and writes no events for the loser', async () => {
    const existing = driftRecord({ identity: 'aws_kms_key.main' });
    await store.apply([openWrite(existing)]);
    const fresh = driftRecord({ identity: 'aws_sqs_queue.jobs' });
    const again = { ...openWrite({ ...existing, lastScanId: 'scan-other' }) };
    await expect(store.apply([openWrite(fresh), again])).rejects.toThrow(ConflictError);
    expect((await store.get(fresh.id))?.version).toBe(1);
    expect((await store.history(existing.id, 10)).items.map((e) => e.scanId)).toEqual([existing.lastScanId]);
  });

  it('is idempotent per event key: replaying the same events adds no duplicate history', async () => {
    const r = driftRecord({ identity: 'aws_lambda_function.ingest' });
    const w = openWrite(r);
    await store.apply([w]);
    await expect(store.apply([w])).rejects.toThrow(ConflictError);
    await store.apply([{ record: { ...r, version: 2 }, expectedVersion: 1, events: w.events }]);
    const h = await store.history(r.id, 10);
    expect(h.items).toEqual(w.events);
  });

  it('retries UnprocessedItems of BatchWriteItem until every event is stored', async () => {
    const flaky = await startDynalite();
    try {
      const s = await freshStore(flaky);
      let drops = 3;
      flaky.client.middlewareStack.add(
        (next, ctx) => async (args) => {
          if (ctx.commandName !== 'BatchWriteItemCommand' || drops <= 0) return next(args);
          drops--;
          const input = args.input as BatchWriteItemCommandInput;
          const [table, reqs] = Object.entries(input.RequestItems ?? {})[0] as [string, WriteRequest[]];
          const keep = reqs.slice(0, Math.ceil(reqs.length / 2));
          const out = await next({ ...args, input: { ...input, RequestItems: { [table]: keep } } });
          (out.output as BatchWriteItemCommandOutput).UnprocessedItems = { [table]: reqs.slice(keep.length) };
          return out;
        },
        { step: 'initialize', name: 'dropHalf' },
      );
      const r = driftRecord({ identity: 'aws_cloudwatch_log_group.app' });
      const events = Array.from({ length: 60 }, (_, i) =>
        historyEvent(r, 'changed', new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString()),
      );
      flaky.calls.length = 0;
      await s.apply([{ ...openWrite(r), events }]);
      expect(flaky.calls.filter((c) => c === 'BatchWriteItem').length).toBe(3 + 3);
      const all = await s.history(r.id, 100);
      expect(all.items).toHaveLength(60);
    } finally {
      await flaky.close();
    }
  });

  it('gives up with UnprocessedItemsError when items stay unprocessed', async () => {
    const fake = {
      send: async (cmd: { input: BatchWriteItemCommandInput }) => ({
        UnprocessedItems: cmd.input.RequestItems,
      }),
    } as unknown as Parameters<typeof batchWrite>[0];
    const req: WriteRequest = { DeleteRequest: { Key: { pk: { S: 'x' }, sk: { S: 'y' } } } };
    await expect(batchWrite(fake, 't', [req])).rejects.toThrow(UnprocessedItemsError);
  });

  it('writes nothing for an empty apply', async () => {
    d.calls.length = 0;
    await store.apply([]);
    expect(d.calls).toEqual([]);
  });
});

const report = (ids: string[]): DriftReport => ({
  version: 1,
  summary: { managed: 30, unmanaged: 0, missing: 0, changed: ids.length, coverage: 1, complete: true },
  drifts: ids.map((n) => ({
    kind: 'changed',
    provider: 'aws',
    type: 'aws_s3_bucket',
    address: `module.data.aws_s3_bucket.${n}`,
    id: `arn:aws:s3:::acme-${n}`,
    severity: 'low',
    category: 'TagChange',
    changes: [{ path: 'tags.Owner', desired: 'data-team', actual: 'platform' }],
    scope: 'aws:123456789012:eu-west-1',
    nativeType: 'AWS::S3::Bucket',
  })),
  scopes: [{ provider: 'aws', scope: 'aws:123456789012:eu-west-1', complete: true, nativeTypes: '*' }],
  notChecked: [],
  existenceOnly: [],
  ignored: 0,
  generatedAt: '2026-11-20T08:00:00.000Z',
});

describe('cost of an unchanged rescan', () => {
  it('writes exactly the two scan records (O(1)), whatever the number of open drifts', async () => {
    const s = await freshStore(d);
    const names = Array.from({ length: 40 }, (_, i) => `bucket-${i}`);
    const input = {
      target: 'prod-eu',
      report: report(names),
      fingerprint: (x: { address: string | null }) => `hmac:${x.address}`,
      resolution: { isDeclared: () => true, isLive: () => true, desiredAt: () => undefined },
    };
    const first = await recordScan(s, {
      ...input,
      scanId: 'scan-1',
      startedAt: new Date('2026-11-20T08:00:00Z'),
    });
    expect(first.counts.opened).toBe(40);
    d.calls.length = 0;
    const again = await recordScan(s, {
      ...input,
      scanId: 'scan-2',
      startedAt: new Date('2026-11-20T09:00:00Z'),
    });
    expect(again.counts.unchanged).toBe(40);
    expect(d.calls.filter((c) => WRITE_COMMANDS.has(c))).toEqual(['PutItem', 'PutItem']);
    expect((await s.getScan('scan-2'))?.status).toBe('completed');
  });
});
