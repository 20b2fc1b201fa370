import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbApprovalStore } from '../../../../../lib/adapters/approvals/dynamodb/index.ts';
import type { DynamoDbDriftStore } from '../../../../../lib/adapters/store/dynamodb/index.ts';
import { type Approval, ApprovalConflictError } from '../../../../../lib/core/remediation/index.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../../../helpers/dynalite.ts';

let d: TestDynamo;
let drifts: DynamoDbDriftStore;
let store: DynamoDbApprovalStore;

beforeAll(async () => {
  d = await startDynalite();
  drifts = await freshStore(d);
  store = new DynamoDbApprovalStore({ tableName: drifts.tableName, client: d.client });
});
afterAll(() => d?.close());

const approval = (id: string, p: Partial<Approval> = {}): Approval => ({
  id,
  driftId: 'drift-a',
  target: 'prod-eu',
  executor: 'revert-tags',
  dryRun: true,
  status: 'pending',
  requestedAt: '2026-03-14T11:00:00.000Z',
  expiresAt: '2026-03-17T11:00:00.000Z',
  summary: 'revert-tags (dry run) for changed aws_s3_bucket.logs',
  taskToken: `token-of-${id}`,
  ...p,
});

describe('DynamoDbApprovalStore (dynalite, the drift table)', () => {
  it('stores an approval under APPROVAL#<id> in the drift table and reads it back', async () => {
    const a = approval('rem-1');
    expect(await store.create(a)).toEqual(a);
    expect(await store.get('rem-1')).toEqual(a);
    const raw = await d.client.send(
      new GetItemCommand({
        TableName: drifts.tableName,
        Key: { pk: { S: 'APPROVAL#rem-1' }, sk: { S: 'APPROVAL' } },
      }),
    );
    expect(raw.Item?.gsi1pk).toEqual({ S: 'APPROVALS#STATUS#pending' });
    expect(raw.Item?.gsi2pk).toEqual({ S: 'APPROVALS#DRIFT#drift-a' });
    expect(raw.Item?.gsi1sk).toEqual({ S: '2026-03-14T11:00:00.000Z#rem-1' });
    expect(await store.get('nope')).toBeUndefined();
  });

  it('keeps the first approval when a replayed step creates it again', async () => {
    const first = approval('rem-2');
    await store.create(first);
    expect(
      await store.create({ ...first, requestedAt: '2026-03-14T11:05:00.000Z', taskToken: 'other' }),
    ).toEqual(first);
  });

  it('lists by status and by drift, newest first, with Query only', async () => {
    await store.create(approval('rem-3', { driftId: 'drift-b', requestedAt: '2026-03-14T11:10:00.000Z' }));
    await store.create(
      approval('rem-4', { driftId: 'drift-b', requestedAt: '2026-03-14T11:20:00.000Z', status: 'rejected' }),
    );
    d.calls.length = 0;
    expect((await store.list({ status: 'pending', limit: 10 })).map((a) => a.id)).toEqual([
      'rem-3',
      'rem-2',
      'rem-1',
    ]);
    expect((await store.list({ driftId: 'drift-b', limit: 10 })).map((a) => a.id)).toEqual([
      'rem-4',
      'rem-3',
    ]);
    expect((await store.list({ driftId: 'drift-b', status: 'pending', limit: 10 })).map((a) => a.id)).toEqual(
      ['rem-3'],
    );
    expect((await store.list({ limit: 2 })).map((a) => a.id)).toEqual(['rem-4', 'rem-3']);
    expect(new Set(d.calls)).toEqual(new Set(['Query']));
  });

  it('moves status only from the allowed ones: a second decision is a conflict', async () => {
    const a = approval('rem-5');
    await store.create(a);
    const approved = {
      ...a,
      status: 'approved' as const,
      decidedBy: 'al',
      decidedAt: '2026-03-14T12:00:00.000Z',
    };
    await store.transition(approved, ['pending']);
    expect((await store.get('rem-5'))?.status).toBe('approved');
    expect((await store.list({ status: 'approved', limit: 5 })).map((x) => x.id)).toEqual(['rem-5']);
    const err = await store.transition({ ...a, status: 'rejected' }, ['pending']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApprovalConflictError);
    expect((err as ApprovalConflictError).status).toBe('approved');
    expect((await store.get('rem-5'))?.decidedBy).toBe('al');
  });

  it('leaves the drift store untouched: approvals are not drift records', async () => {
    expect((await drifts.query({ limit: 50 })).items).toEqual([]);
    expect((await drifts.listScans(10)).items).toEqual([]);
  });
});
