import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { CoverageEvidence, InventorySnapshot } from '../../../core/model/coverage.ts';
import { scopeKey } from '../../../core/model/coverage.ts';
import { azureReader, isPlainObject } from '../../shared/inventory-formats/index.ts';
import type { ApiVersions } from './api-versions.ts';
import { describeAzureError } from './call-errors.ts';
import type { CallRunner } from './call-runner.ts';
import { queryAll } from './graph-query.ts';
import { coveredTypes } from './listed-types.ts';
import { changesQuery, INVENTORY_QUERY } from './queries.ts';
import { changedTargets, type RereadResult, rereadChanged } from './reread.ts';

type Row = Record<string, unknown>;

export interface BatchDeps {
  graph: ResourceGraphClient;
  arm: (subscription: string) => ResourceManagementClient;
  apiVersions: ApiVersions;
  runner: CallRunner;
  source: string;
  rereadMinutes: number;
  concurrency: number;
  onReread: (r: RereadResult | { error: string }) => void;
}

const SUBSCRIPTION_TYPE = 'microsoft.resources/subscriptions';
const NOT_ANSWERED =
  'Resource Graph returned nothing for this subscription (no read access, or not in the tenant)';

/**
 * One Resource Graph query over a batch of subscriptions, all pages, then the re-read of recent
 * changes. Never throws: a failed batch is reported as incomplete coverage of each subscription.
 */
export async function readBatch(subs: readonly string[], d: BatchDeps): Promise<InventorySnapshot> {
  const incomplete = (scope: string, reason: string): CoverageEvidence => ({
    provider: 'azure',
    scope: scopeKey.azure(scope),
    nativeTypes: '*',
    complete: false,
    reason,
    source: d.source,
  });
  let rows: Row[];
  try {
    rows = await queryAll(d.graph, d.runner, 'resourcegraph.resources', [...subs], INVENTORY_QUERY);
  } catch (err) {
    const why = `Resource Graph query failed: ${describeAzureError(err)}`;
    return { resources: [], coverage: subs.map((s) => incomplete(s, why)) };
  }
  // Resource Graph skips subscriptions it cannot read without an error; their own row is the proof of an answer.
  const answered = new Set<string>();
  const byId = new Map<string, Row>();
  for (const row of rows) {
    if (!isPlainObject(row) || typeof row.id !== 'string') continue;
    if (String(row.type).toLowerCase() === SUBSCRIPTION_TYPE && typeof row.subscriptionId === 'string')
      answered.add(row.subscriptionId.toLowerCase());
    byId.set(row.id.toLowerCase(), row);
  }
  if (d.rereadMinutes > 0) await reread(byId, subs, d);
  let snapshot: InventorySnapshot;
  try {
    snapshot = azureReader.read([...byId.values()], { source: d.source, cluster: '' });
  } catch (err) {
    const why = `Resource Graph row unreadable: ${err instanceof Error ? err.message : String(err)}`;
    return { resources: [], coverage: subs.map((s) => incomplete(s, why)) };
  }
  const seen = new Map<string, Set<string>>();
  for (const r of snapshot.resources) {
    const set = seen.get(r.scope) ?? new Set<string>();
    set.add(r.nativeType);
    seen.set(r.scope, set);
  }
  const coverage = subs.map((s): CoverageEvidence => {
    if (!answered.has(s)) return incomplete(s, NOT_ANSWERED);
    const scope = scopeKey.azure(s);
    return {
      provider: 'azure',
      scope,
      nativeTypes: coveredTypes(seen.get(scope) ?? []),
      complete: true,
      source: d.source,
    };
  });
  return { resources: snapshot.resources, coverage };
}

// Best effort: a failed change query leaves the (complete, possibly minutes-old) graph rows.
async function reread(byId: Map<string, Row>, subs: readonly string[], d: BatchDeps): Promise<void> {
  try {
    const changes = await queryAll(
      d.graph,
      d.runner,
      'resourcegraph.changes',
      [...subs],
      changesQuery(d.rereadMinutes),
    );
    d.onReread(
      await rereadChanged(byId, changedTargets(changes), {
        client: d.arm,
        apiVersions: d.apiVersions,
        runner: d.runner,
        concurrency: d.concurrency,
      }),
    );
  } catch (err) {
    d.onReread({ error: describeAzureError(err) });
  }
}
