import { z } from 'zod';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { kubernetesReader } from '../../shared/inventory-formats/index.ts';
import type { ClusterGet, ClusterStats } from './client.ts';
import type { ListableKind } from './discovery.ts';
import { KubernetesApiError } from './errors.ts';

/** The envelope of a list response (`DeploymentList`); items are read by the shared reader. */
const ListSchema = z.object({
  metadata: z.object({ continue: z.string().optional() }).optional(),
  items: z.array(z.unknown()).nullable(),
});

export interface ListOptions {
  pageSize: number;
  /** List these namespaces one by one (namespaced kinds only); null = one cluster-wide list. */
  namespaces: readonly string[] | null;
  /** Items in these namespaces are dropped after a cluster-wide list. */
  excludeNamespaces: ReadonlySet<string>;
  /** Times a kind is relisted from scratch after its continue token expired (410 Gone). */
  maxRelists: number;
  cluster: string;
  source: string;
  stats: ClusterStats;
}

/**
 * Every object of one kind, in chunks of `pageSize` (`limit` + `continue`), as canonical live
 * resources. Throws KubernetesApiError when the kind cannot be listed in full.
 */
export async function listKind(get: ClusterGet, k: ListableKind, opts: ListOptions): Promise<LiveResource[]> {
  const paths =
    k.namespaced && opts.namespaces !== null
      ? opts.namespaces.map((ns) => `${k.basePath}/namespaces/${encodeURIComponent(ns)}/${k.plural}`)
      : [`${k.basePath}/${k.plural}`];
  const items: unknown[] = [];
  for (const path of paths) for (const item of await listPath(get, path, opts)) items.push(item);
  const kept =
    k.namespaced && opts.excludeNamespaces.size > 0
      ? items.filter((i) => !opts.excludeNamespaces.has(namespaceOf(i)))
      : items;
  // API lists leave kind/apiVersion off their items: the shared reader types them from the list
  // kind, which is built from discovery (authoritative) rather than trusted from the body.
  const doc = { apiVersion: k.groupVersion, kind: `${k.kind}List`, metadata: {}, items: kept };
  return kubernetesReader.read(doc, { source: opts.source, cluster: opts.cluster }).resources;
}

/** One path in full; an expired continue token restarts the listing (bounded), never skips items. */
async function listPath(get: ClusterGet, path: string, opts: ListOptions): Promise<unknown[]> {
  for (let relist = 0; ; relist++) {
    const items: unknown[] = [];
    let cont: string | undefined;
    try {
      do {
        const q = `?limit=${opts.pageSize}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`;
        const page = ListSchema.safeParse(await get(path + q));
        if (!page.success) throw new KubernetesApiError(200, 'UnexpectedBody', 'not a list response', path);
        for (const item of page.data.items ?? []) items.push(item);
        cont = page.data.metadata?.continue || undefined;
      } while (cont);
      return items;
    } catch (e) {
      const expired = e instanceof KubernetesApiError && e.status === 410 && cont !== undefined;
      if (!expired || relist >= opts.maxRelists) throw e;
      opts.stats.relists++;
    }
  }
}

function namespaceOf(item: unknown): string {
  const meta = (item as { metadata?: { namespace?: unknown } } | null)?.metadata;
  return typeof meta?.namespace === 'string' ? meta.namespace : '';
}
