import type { ResourceManagementClient } from '@azure/arm-resources';
import { isPlainObject } from '../../shared/inventory-formats/index.ts';
import { mapLimited } from '../../shared/retry/index.ts';
import type { ApiVersions } from './api-versions.ts';
import { armCode, statusOf } from './call-errors.ts';
import type { CallRunner } from './call-runner.ts';

type Row = Record<string, unknown>;

export interface RereadResult {
  replaced: number;
  added: number;
  removed: number;
  failed: number;
}

/** Target ARM ids of change records (`properties.targetResourceId`), each once. */
export function changedTargets(changes: readonly Row[]): string[] {
  const seen = new Map<string, string>();
  for (const c of changes) {
    const target = isPlainObject(c.properties) ? c.properties.targetResourceId : undefined;
    if (typeof target === 'string' && target) seen.set(target.toLowerCase(), target);
  }
  return [...seen.values()];
}

// Resource Graph's own columns that an ARM GET does not return; derived from the id, not state.
const GRAPH_COLUMNS = ['resourceGroup', 'subscriptionId', 'tenantId'] as const;

/**
 * Re-reads each changed resource with ARM getById (the api-version from its provider) and puts the
 * ARM document in place of the Resource Graph row: ARM is current, the graph may lag by minutes.
 * A 404 means the resource is gone, so its stale row is dropped. Other failures keep the row.
 */
export async function rereadChanged(
  rows: Map<string, Row>,
  targets: readonly string[],
  deps: {
    client: (subscription: string) => ResourceManagementClient;
    apiVersions: ApiVersions;
    runner: CallRunner;
    concurrency: number;
  },
): Promise<RereadResult> {
  const out: RereadResult = { replaced: 0, added: 0, removed: 0, failed: 0 };
  await mapLimited(targets, deps.concurrency, async (id) => {
    const sub = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase();
    const key = id.toLowerCase();
    if (!sub) return;
    try {
      const apiVersion = await deps.apiVersions.of(sub, id);
      if (!apiVersion) return void out.failed++;
      const doc = await getDocument(deps, sub, id, apiVersion);
      const old = rows.get(key);
      for (const col of GRAPH_COLUMNS)
        if (old && old[col] !== undefined && !(col in doc)) doc[col] = old[col];
      rows.set(key, doc);
      if (old) out.replaced++;
      else out.added++;
    } catch (err) {
      if (statusOf(err) === 404 || armCode(err) === 'ResourceNotFound') {
        if (rows.delete(key)) out.removed++;
      } else out.failed++;
    }
  });
  return out;
}

// The raw body, not the SDK's GenericResource model, which drops fields it has no mapper for (zones).
async function getDocument(
  deps: { client: (s: string) => ResourceManagementClient; runner: CallRunner },
  sub: string,
  id: string,
  apiVersion: string,
): Promise<Row> {
  let body: string | undefined;
  let headers: ((n: string) => string | undefined) | undefined;
  await deps.runner.run(
    'arm.getById',
    (abortSignal) =>
      deps.client(sub).resources.getById(id, apiVersion, {
        abortSignal,
        onResponse: (raw) => {
          body = raw.bodyAsText ?? undefined;
          headers = (n) => raw.headers.get(n);
        },
      }),
    () => headers,
  );
  const doc: unknown = body ? JSON.parse(body) : undefined;
  if (!isPlainObject(doc) || typeof doc.id !== 'string')
    throw new Error(`ARM returned no document for ${id}`);
  return doc;
}
