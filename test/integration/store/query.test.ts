import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../../lib/adapters/store/dynamodb/paged-query.ts';
import type { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/store.ts';
import { SEVERITY_RANK, type Severity } from '../../../lib/core/model/drift.ts';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import type { DriftQuery } from '../../../lib/core/ports/drift-store.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { driftRecord, openWrite } from './factory.ts';

const SEVS: Severity[] = ['low', 'medium', 'high', 'critical'];
const STATUSES = ['active', 'active', 'acknowledged', 'resolved'] as const;
const KINDS = [
  { provider: 'aws', type: 'aws_s3_bucket', scope: 'aws:123456789012:eu-west-1', category: 'TagChange' },
  {
    provider: 'aws',
    type: 'aws_security_group',
    scope: 'aws:123456789012:us-east-1',
    category: 'SecurityChange',
  },
  {
    provider: 'azure',
    type: 'azurerm_storage_account',
    scope: 'azure:7d1b3c55-0f7e-4a8e-9c0e-2f6f0b1f5a11',
    category: 'EncryptionChange',
  },
  {
    provider: 'gcp',
    type: 'google_compute_firewall',
    scope: 'gcp:projects/acme-prod',
    category: 'SecurityChange',
  },
  {
    provider: 'kubernetes',
    type: 'apps/v1/Deployment',
    scope: 'kubernetes:prod-cluster',
    category: 'ConfigurationChange',
  },
] as const;

// 90 records over 2 targets, all statuses/severities/providers, several sharing the same lastChangedAt.
const records: DriftRecord[] = Array.from({ length: 90 }, (_, i) => {
  const k = KINDS[i % KINDS.length] as (typeof KINDS)[number];
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, 0) + Math.floor(i / 2) * 3_600_000).toISOString();
  return driftRecord({
    target: i % 3 === 0 ? 'staging' : 'prod-eu',
    identity: `module.m${i}.${k.type}.r${i}`,
    ...k,
    scope: i % 11 === 0 ? undefined : k.scope,
    severity: SEVS[(i + Math.floor(i / 4)) % 4] as Severity,
    status: STATUSES[i % 4] as DriftRecord['status'],
    firstDetectedAt: at,
    lastChangedAt: at,
  });
});

const order = (a: DriftRecord, b: DriftRecord): number =>
  a.lastChangedAt === b.lastChangedAt ? (a.id < b.id ? 1 : -1) : a.lastChangedAt < b.lastChangedAt ? 1 : -1;
function expected(q: Omit<DriftQuery, 'limit'>): string[] {
  return records
    .filter(
      (r) =>
        (!q.status || r.status === q.status) &&
        (!q.target || r.target === q.target) &&
        (!q.provider || r.provider === q.provider) &&
        (!q.scope || r.scope === q.scope) &&
        (!q.type || r.type === q.type) &&
        (!q.category || r.category === q.category) &&
        (!q.severity || SEVERITY_RANK[r.severity] >= SEVERITY_RANK[q.severity]) &&
        (!q.since || r.lastChangedAt >= q.since),
    )
    .sort(order)
    .map((r) => r.id);
}

let d: TestDynamo;
let store: DynamoDbDriftStore;
beforeAll(async () => {
  d = await startDynalite();
  store = await freshStore(d);
  await store.apply(records.map(openWrite));
});
afterAll(() => d.close());

async function allPages(q: Omit<DriftQuery, 'limit' | 'cursor'>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({ ...q, limit, cursor });
    if (page.cursor) expect(page.items).toHaveLength(limit);
    else expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((r) => r.id));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

const QUERIES: Omit<DriftQuery, 'limit'>[] = [
  {},
  { status: 'active' },
  { status: 'resolved' },
  { status: 'acknowledged', severity: 'high' },
  { status: 'active', severity: 'critical' },
  { severity: 'medium' },
  { target: 'staging' },
  { target: 'prod-eu', status: 'active', severity: 'high' },
  { provider: 'aws' },
  { provider: 'kubernetes', status: 'active' },
  { scope: 'aws:123456789012:us-east-1', status: 'active' },
  { provider: 'gcp', scope: 'gcp:projects/acme-prod' },
  { type: 'azurerm_storage_account' },
  { category: 'SecurityChange', status: 'active', severity: 'high' },
  { status: 'active', since: '2026-11-02T12:00:00.000Z' },
  { since: '2026-11-02T14:00:00+02:00', provider: 'aws' },
  { target: 'nobody' },
];

describe('DynamoDbDriftStore.query', () => {
  it.each(QUERIES)('serves %j newest first with stable cursors and exact limits', async (q) => {
    const want = expected({ ...q, since: q.since ? new Date(q.since).toISOString() : undefined });
    expect(want.length).toBeLessThanOrEqual(90);
    for (const limit of [1, 7, 50]) {
      const got = await allPages(q, limit);
      expect(new Set(got).size).toBe(got.length);
      expect(got).toEqual(want);
    }
  });

  it('lists every status when none is given, and only active ones with status=active', async () => {
    expect((await allPages({}, 40)).length).toBe(90);
    const active = await allPages({ status: 'active' }, 40);
    expect(active.length).toBe(records.filter((r) => r.status === 'active').length);
  });

  it('returns the same second page for the same cursor (no state kept server-side)', async () => {
    const first = await store.query({ status: 'active', limit: 5 });
    const a = await store.query({ status: 'active', limit: 5, cursor: first.cursor });
    const b = await store.query({ status: 'active', limit: 5, cursor: first.cursor });
    expect(a).toEqual(b);
    expect(a.items.map((r) => r.id)).toEqual(expected({ status: 'active' }).slice(5, 10));
  });

  it('refuses a cursor of another query or garbage', async () => {
    const first = await store.query({ status: 'active', limit: 5 });
    await expect(store.query({ status: 'resolved', limit: 5, cursor: first.cursor })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(store.query({ limit: 5, cursor: 'not-a-cursor' })).rejects.toThrow(InvalidCursorError);
  });

  it('listOpen returns active and acknowledged records of one target only', async () => {
    const open = await store.listOpen('staging');
    const want = records.filter((r) => r.target === 'staging' && r.status !== 'resolved').map((r) => r.id);
    expect(open.map((r) => r.id).sort()).toEqual(want.sort());
  });
});
