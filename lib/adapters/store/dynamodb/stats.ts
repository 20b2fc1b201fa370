import { type DynamoDBClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { SeveritySchema } from '../../../core/model/drift.ts';
import type { DriftStatus } from '../../../core/model/drift-record.ts';
import type { StoreStats } from '../../../core/ports/drift-store.ts';
import { pool } from './batch.ts';
import { scanFrom } from './items.ts';
import { ALL_SCANS, dayPartition, GSI, OPEN_MARK, RESOLVE_MARK, sevPartition } from './keys.ts';
import { type Item, str } from './marshall.ts';

const DAY_MS = 86_400_000;

/** Runs a query through all its pages, handing each page's items (and count) to `each`. */
export async function queryAll(
  client: DynamoDBClient,
  input: QueryCommandInput,
  each: (items: Item[], count: number) => void,
): Promise<void> {
  let start: Item | undefined;
  do {
    const out = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    each((out.Items ?? []) as Item[], out.Count ?? 0);
    start = out.LastEvaluatedKey as Item | undefined;
  } while (start);
}

const g1 = (value: string, extra: Partial<QueryCommandInput> & { TableName: string }): QueryCommandInput => ({
  IndexName: GSI.g1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': GSI.g1.pk },
  ExpressionAttributeValues: { ':pk': { S: value } },
  ...extra,
});

const bump = (m: Record<string, number>, k: string, n = 1): void => {
  m[k] = (m[k] ?? 0) + n;
};

/**
 * GET /stats without a Scan: open records are read once from the status × severity partitions (only
 * the three counted attributes), resolved ones are counted with Select COUNT, the trend reads one
 * per-day event partition per day, and coverage comes from the scans of the window (newest first).
 */
export async function computeStats(client: DynamoDBClient, table: string, days: number, now: Date) {
  const stats: StoreStats = {
    byStatus: {},
    bySeverity: {},
    byProvider: {},
    byCategory: {},
    targets: [],
    trend: [],
  };
  const sevs = SeveritySchema.options;
  const open: DriftStatus[] = ['active', 'acknowledged'];
  const parts = [...open, 'resolved' as const].flatMap((s) => sevs.map((v) => ({ s, v })));
  await pool(parts, 4, ({ s, v }) => {
    const input = g1(sevPartition(s, v), { TableName: table });
    if (s === 'resolved')
      return queryAll(client, { ...input, Select: 'COUNT' }, (_i, n) => bump(stats.byStatus, s, n));
    input.ProjectionExpression = '#prov, category';
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#prov': 'provider' };
    return queryAll(client, input, (items, n) => {
      bump(stats.byStatus, s, n);
      bump(stats.bySeverity, v, n);
      for (const it of items) {
        bump(stats.byProvider, str(it, 'provider'));
        bump(stats.byCategory, str(it, 'category'));
      }
    });
  });

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dayList = Array.from({ length: days }, (_, i) =>
    new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
  stats.trend = await pool(dayList, 4, async (day) => {
    const row = { day, opened: 0, resolved: 0 };
    const input = g1(dayPartition(day), { TableName: table, ProjectionExpression: '#sk' });
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#sk': GSI.g1.sk };
    await queryAll(client, input, (items) => {
      for (const it of items) {
        const sk = str(it, GSI.g1.sk);
        if (sk.startsWith(OPEN_MARK)) row.opened++;
        else if (sk.startsWith(RESOLVE_MARK)) row.resolved++;
      }
    });
    return row;
  });

  const from = new Date(today - (days - 1) * DAY_MS).toISOString();
  const seen = new Set<string>();
  const scans = g1(ALL_SCANS, {
    TableName: table,
    ScanIndexForward: false,
    KeyConditionExpression: '#pk = :pk AND #sk >= :from',
  });
  scans.ExpressionAttributeNames = { ...scans.ExpressionAttributeNames, '#sk': GSI.g1.sk };
  scans.ExpressionAttributeValues = { ...scans.ExpressionAttributeValues, ':from': { S: from } };
  await queryAll(client, scans, (items) => {
    for (const it of items) {
      const s = scanFrom(it);
      if (seen.has(s.target) || !s.summary || s.status !== 'completed') continue;
      seen.add(s.target);
      const at = s.finishedAt ?? s.startedAt;
      stats.targets.push({
        target: s.target,
        lastScanId: s.scanId,
        coverage: s.summary.coverage,
        complete: s.summary.complete,
        at,
      });
    }
  });
  stats.targets.sort((a, b) => a.target.localeCompare(b.target));
  return stats;
}
