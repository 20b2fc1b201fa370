import { DescribeTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/store.ts';
import {
  DriftRecordSchema,
  HistoryEventSchema,
  ScanRecordSchema,
} from '../../../lib/core/model/drift-record.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { driftRecord, historyEvent, openWrite, scanRecord } from './factory.ts';

let d: TestDynamo;
let store: DynamoDbDriftStore;
beforeAll(async () => {
  d = await startDynalite();
  store = await freshStore(d, 30);
});
afterAll(() => d.close());

const rawItem = async (pk: string, sk: string) =>
  (
    await d.client.send(
      new GetItemCommand({ TableName: store.tableName, Key: { pk: { S: pk }, sk: { S: sk } } }),
    )
  ).Item;

describe('DynamoDbDriftStore round trips', () => {
  it('is ready, answers ping, and ensureReady is a no-op on an existing table', async () => {
    expect(await store.ping()).toBe(true);
    await store.ensureReady();
    expect(await store.ping()).toBe(true);
    const { Table } = await d.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
      'gsi4',
      'gsi5',
      'gsi6',
    ]);
    const missing = new DynamoDbDriftStore({ tableName: 'never-created', client: d.client });
    expect(await missing.ping()).toBe(false);
  });

  it('reads back a record exactly as written, valid against the model schema', async () => {
    const r = driftRecord({
      acknowledgement: { by: 'alice@example.com', reason: 'vendor hotfix', at: '2026-11-20T09:00:00.000Z' },
      status: 'acknowledged',
      changes: [
        { path: 'ingress.0.cidr_blocks', desired: ['10.0.0.0/8'], actual: ['0.0.0.0/0', { '': [1, null] }] },
      ],
    });
    await store.apply([openWrite(r)]);
    const got = await store.get(r.id);
    expect(DriftRecordSchema.parse(got)).toEqual({ ...r, version: 1 });
    expect(await store.get('no-such-id')).toBeUndefined();
    expect(await store.getMany([r.id, r.id, 'no-such-id'])).toEqual([{ ...r, version: 1 }]);
  });

  it('stores a sensitive change only as the placeholder, and keeps the keyed fingerprint', async () => {
    const r = driftRecord({
      identity: 'aws_db_instance.main',
      type: 'aws_db_instance',
      category: 'SecretChange',
      changes: [{ path: 'password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true }],
      fingerprint: 'hmac-sha256:9f2c1e0b7a4d',
    });
    await store.apply([openWrite(r)]);
    const item = await rawItem(`DRIFT#${r.id}`, 'RECORD');
    expect(item?.changes?.S).toBe(
      '[{"path":"password","desired":"(sensitive)","actual":"(sensitive)","sensitive":true}]',
    );
    expect(item?.fingerprint?.S).toBe('hmac-sha256:9f2c1e0b7a4d');
    const back = await store.get(r.id);
    expect(back?.changes).toEqual([
      { path: 'password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true },
    ]);
    expect(back?.fingerprint).toBe('hmac-sha256:9f2c1e0b7a4d');
  });

  it('keeps history events oldest-last (newest first) with a TTL of historyTtlDays after the event', async () => {
    const r = driftRecord({ identity: 'aws_security_group.web' });
    const later = { ...r, lastChangedAt: '2026-11-21T10:00:00.000Z', lastScanId: 'scan-2' };
    await store.apply([
      { ...openWrite(r), events: [historyEvent(r, 'opened'), historyEvent(later, 'changed')] },
    ]);
    const page = await store.history(r.id, 10);
    expect(page.items.map((e) => e.type)).toEqual(['changed', 'opened']);
    expect(page.cursor).toBeUndefined();
    for (const e of page.items) HistoryEventSchema.parse(e);
    const ev = historyEvent(r, 'opened');
    const item = await rawItem(`DRIFT#${r.id}`, `EVENT#${ev.eventId}`);
    expect(item?.expiresAt?.N).toBe(String(Date.parse('2026-11-20T08:15:00.000Z') / 1000 + 30 * 86_400));
    const first = await store.history(r.id, 1);
    expect(first.items.map((e) => e.type)).toEqual(['changed']);
    const second = await store.history(r.id, 1, first.cursor);
    expect(second.items.map((e) => e.type)).toEqual(['opened']);
    expect(second.cursor).toBeUndefined();
  });

  it('round-trips scans and lists them newest first, overall and per target', async () => {
    const a = scanRecord({ scanId: 's-a', startedAt: '2026-11-20T08:00:00.000Z' });
    const b = scanRecord({ scanId: 's-b', startedAt: '2026-11-20T09:00:00.000Z', target: 'staging' });
    const c = scanRecord({ scanId: 's-c', startedAt: '2026-11-20T10:00:00.000Z', status: 'running' });
    delete c.finishedAt;
    delete c.summary;
    for (const s of [a, b, c]) await store.putScan(s);
    expect(await store.getScan('s-c')).toEqual(ScanRecordSchema.parse(c));
    expect(await store.getScan('nope')).toBeUndefined();
    const all = await store.listScans(2);
    expect(all.items.map((s) => s.scanId)).toEqual(['s-c', 's-b']);
    const rest = await store.listScans(2, all.cursor);
    expect(rest.items.map((s) => s.scanId)).toEqual(['s-a']);
    expect(rest.cursor).toBeUndefined();
    expect((await store.listScans(10, undefined, 'prod-eu')).items.map((s) => s.scanId)).toEqual([
      's-c',
      's-a',
    ]);
  });
});
