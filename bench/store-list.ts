import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchWrite } from '../lib/adapters/store/dynamodb/batch.ts';
import { createDynamoDbClient } from '../lib/adapters/store/dynamodb/client.ts';
import { startEmbeddedDynamo } from '../lib/adapters/store/dynamodb/embedded.ts';
import { recordItem } from '../lib/adapters/store/dynamodb/items.ts';
import { DynamoDbDriftStore } from '../lib/adapters/store/dynamodb/store.ts';
import { driftId } from '../lib/core/lifecycle/drift-id.ts';
import { recordScan } from '../lib/core/lifecycle/record-scan.ts';
import type { Drift, Severity } from '../lib/core/model/drift.ts';
import type { DriftRecord } from '../lib/core/model/drift-record.ts';
import type { DriftReport } from '../lib/core/model/report.ts';

const SEVS: Severity[] = ['low', 'medium', 'high', 'critical'];
const SCOPE = 'aws:123456789012:eu-west-1';

function drift(i: number): Drift {
  return {
    kind: 'changed',
    provider: 'aws',
    type: 'aws_security_group',
    address: `module.net${i % 50}.aws_security_group.sg[${i}]`,
    id: `sg-${(0x10000000 + i).toString(16)}`,
    severity: SEVS[i % 4] as Severity,
    category: i % 4 === 3 ? 'SecurityChange' : 'TagChange',
    changes: [{ path: 'tags.Owner', desired: 'network-team', actual: `user${i % 97}` }],
    scope: SCOPE,
    nativeType: 'AWS::EC2::SecurityGroup',
  };
}

// 80% active, 5% acknowledged, 15% resolved; one change per minute, so listings have a real time order.
function record(i: number, target: string): DriftRecord {
  const d = drift(i);
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const status = i % 20 === 0 ? 'acknowledged' : i % 20 < 4 ? 'resolved' : 'active';
  return {
    id: driftId(target, d),
    target,
    identity: d.address ?? d.id,
    kind: d.kind,
    provider: d.provider,
    type: d.type,
    address: d.address,
    resourceId: d.id,
    scope: SCOPE,
    nativeType: d.nativeType,
    category: d.category,
    severity: d.severity,
    changes: d.changes,
    fingerprint: `hmac-sha256:${i.toString(36)}`,
    status,
    firstDetectedAt: at,
    lastChangedAt: at,
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    ...(status === 'acknowledged' ? { acknowledgement: { by: 'ops', reason: 'planned', at } } : {}),
    ...(status === 'resolved' ? { resolvedAt: at, resolution: 'fixed_live' as const } : {}),
    lastScanId: 'bench-load',
    version: 1,
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t0), value };
}

function countWrites(client: DynamoDBClient): { writes: string[] } {
  const box = { writes: [] as string[] };
  const writes = new Set([
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'BatchWriteItemCommand',
  ]);
  client.middlewareStack.add(
    (next, ctx) => (args) => {
      if (writes.has(String(ctx.commandName))) box.writes.push(String(ctx.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'benchCountWrites' },
  );
  return box;
}

async function rescanWrites(store: DynamoDbDriftStore, counter: { writes: string[] }, n: number) {
  const report: DriftReport = {
    version: 1,
    summary: { managed: n, unmanaged: 0, missing: 0, changed: n, coverage: 1, complete: true },
    drifts: Array.from({ length: n }, (_, i) => drift(i)),
    scopes: [{ provider: 'aws', scope: SCOPE, complete: true, nativeTypes: '*' }],
    notChecked: [],
    existenceOnly: [],
    ignored: 0,
    generatedAt: '2026-11-20T08:00:00.000Z',
  };
  const input = {
    target: 'bench-rescan',
    report,
    fingerprint: (d: Drift) => `hmac:${d.address}`,
    resolution: { isDeclared: () => true, isLive: () => true, desiredAt: () => undefined },
  };
  await recordScan(store, { ...input, scanId: 'r1', startedAt: new Date('2026-11-20T08:00:00Z') });
  counter.writes.length = 0;
  await recordScan(store, { ...input, scanId: 'r2', startedAt: new Date('2026-11-20T09:00:00Z') });
  return counter.writes.length;
}

// dynalite loads ~700-1,000 items/s on 2 cores (six index entries each): 100,000 records took 145-160 s
// to load (~170 s in all), past the 2-minute budget, so the default is 50,000. Listing cost does not
// depend on table size (each page is one Query per partition from the cursor's key). Set
// DRIFTWATCH_BENCH_STORE_RECORDS=100000 for the full size.
const DEFAULT_RECORDS = Number(process.env.DRIFTWATCH_BENCH_STORE_RECORDS) || 50_000;

/** Lists active drifts over N records in an embedded dynalite: first page, page 200, and rescan write count. */
export async function benchStoreList(
  records = DEFAULT_RECORDS,
  pages = 200,
): Promise<Record<string, string | number>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dir = mkdtempSync(join(tmpdir(), 'driftwatch-bench-store-'));
  const server = await startEmbeddedDynamo({ dir });
  const client = createDynamoDbClient({}, server.endpoint);
  const counter = countWrites(client);
  const store = new DynamoDbDriftStore({ tableName: 'bench', client });
  try {
    await store.ensureReady();
    const load = await timed(async () => {
      const step = 10_000;
      for (let from = 0; from < records; from += step) {
        const items = Array.from({ length: Math.min(step, records - from) }, (_, k) =>
          record(from + k, 'bench'),
        );
        await batchWrite(
          client,
          'bench',
          items.map((r) => ({ PutRequest: { Item: recordItem(r) } })),
          8,
        );
      }
    });
    const first = await timed(() => store.query({ status: 'active', limit: 50 }));
    let cursor = first.value.cursor;
    let last = 0;
    const deep = await timed(async () => {
      for (let p = 2; p <= pages && cursor; p++) {
        const page = await timed(() => store.query({ status: 'active', limit: 50, cursor }));
        cursor = page.value.cursor;
        last = page.ms;
      }
    });
    const writes = await rescanWrites(store, counter, 1_000);
    return {
      'records loaded':
        records < 100_000 ? `${records} (not 100,000: load time, see bench/store-list.ts)` : records,
      'load (BatchWriteItem, ms)': load.ms,
      'first page, limit 50 (ms)': first.ms,
      [`page ${pages} alone (ms)`]: last,
      [`pages 2..${pages} total (ms)`]: deep.ms,
      'writes per unchanged rescan (1,000 open)': writes,
    };
  } finally {
    client.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
