import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/store.ts';
import { encodeCursor, listScope } from '../../../lib/api/cursor.ts';
import { type RunningServer, startServer } from '../../../lib/cli/commands/serve.ts';
import type { DriftRecord, HistoryEvent } from '../../../lib/core/model/drift-record.ts';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { driftRecord, scanRecord } from '../../unit/api/fixtures.ts';
import { http } from './http-client.ts';

// The same routes as serve.test.ts, over the real DynamoDB store on dynalite: the router's contract
// (records, pages, cursors, history, stats) must hold with the adapter the CLI and Lambda use.

let dynamo: TestDynamo;
let server: RunningServer;
const NOW = new Date('2026-03-14T12:00:00.000Z');
const opened = (r: DriftRecord): HistoryEvent => ({
  driftId: r.id,
  eventId: `${r.firstDetectedAt}#${r.lastScanId}#opened`,
  type: 'opened',
  at: r.firstDetectedAt,
  scanId: r.lastScanId,
  status: 'active',
  severity: r.severity,
  changes: r.changes,
});

beforeAll(async () => {
  dynamo = await startDynalite(null);
  const store = new DynamoDbDriftStore({ tableName: 'driftwatch-api-test', client: dynamo.client });
  await store.ensureReady();
  const records = Array.from({ length: 5 }, (_, i) =>
    driftRecord({
      id: `d${i}`,
      identity: `module.network.aws_security_group.sg${i}`,
      severity: i === 4 ? 'critical' : 'medium',
      firstDetectedAt: `2026-03-1${i}T08:00:00.000Z`,
      lastChangedAt: `2026-03-1${i}T08:00:00.000Z`,
    }),
  );
  await store.apply(records.map((r) => ({ record: r, expectedVersion: 0, events: [opened(r)] })));
  await store.putScan(scanRecord({ scanId: 'scan-prod-14' }));
  server = await startServer({
    store,
    port: 0,
    now: () => NOW,
    triggerScan: async () => scanRecord({ scanId: 's' }),
  });
});
afterAll(async () => {
  await server?.close();
  await dynamo?.close();
});

describe('serve on the DynamoDB store (dynalite)', () => {
  it('is ready and pages active drifts newest first through the store cursor', async () => {
    expect((await http(server.url, 'GET', '/ready')).json()).toEqual({ status: 'ready' });
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const q = `/drifts?status=active&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await http(server.url, 'GET', q);
      expect(res.status).toBe(200);
      const page = res.json() as { items: DriftRecord[]; nextCursor?: string };
      ids.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(['d4', 'd3', 'd2', 'd1', 'd0']);
    const critical = await http(server.url, 'GET', '/drifts?severity=critical');
    expect((critical.json() as { items: DriftRecord[] }).items.map((r) => r.id)).toEqual(['d4']);
  });

  it('acknowledges through the real lifecycle and shows it in the history', async () => {
    const res = await http(server.url, 'POST', '/drifts/d2/acknowledge', {
      body: '{"reason":"accepted until the Q2 network rebuild","expiresAt":"2026-06-30T00:00:00Z"}',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id: 'd2', status: 'acknowledged', version: 2 });
    const history = (await http(server.url, 'GET', '/drifts/d2/history')).json() as { items: HistoryEvent[] };
    expect(history.items.map((e) => e.type)).toEqual(['acknowledged', 'opened']);
    const again = await http(server.url, 'GET', '/drifts/d2');
    expect((again.json() as DriftRecord).acknowledgement?.expiresAt).toBe('2026-06-30T00:00:00.000Z');
  });

  it('reports stats from the store and answers 400 for a tampered cursor', async () => {
    const stats = (await http(server.url, 'GET', '/stats')).json() as {
      trend: unknown[];
      targets: { target: string }[];
    };
    expect(stats.trend).toHaveLength(30);
    expect(stats.targets.map((t) => t.target)).toEqual(['prod-eu']);
    const foreign = await http(server.url, 'GET', '/drifts?cursor=eyJzIjoiMCIsImMiOiJ4In0');
    expect(foreign.status).toBe(400);
    // Well wrapped for this listing, but the store cursor inside is garbage: the store's own check answers.
    const forged = encodeCursor(listScope('drifts', {}), 'not-a-store-cursor');
    const res = await http(server.url, 'GET', `/drifts?cursor=${forged}`);
    expect(res.status).toBe(400);
    expect((res.json() as { details: { code: string }[] }).details[0]?.code).toBe('invalid_cursor');
  });
});
