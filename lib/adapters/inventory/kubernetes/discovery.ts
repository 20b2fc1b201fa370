import { z } from 'zod';
import type { ClusterGet } from './client.ts';
import { KubernetesApiError } from './errors.ts';

const APIVersionsSchema = z.object({ versions: z.array(z.string()) });
const APIGroupListSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      versions: z.array(z.object({ groupVersion: z.string() })),
      preferredVersion: z.object({ groupVersion: z.string() }).optional(),
    }),
  ),
});
const APIResourceListSchema = z.object({
  groupVersion: z.string(),
  resources: z.array(
    z.object({ name: z.string(), kind: z.string(), namespaced: z.boolean(), verbs: z.array(z.string()) }),
  ),
});

/** One kind the scanner can list: where, and under which native type its objects are reported. */
export interface ListableKind {
  groupVersion: string;
  kind: string;
  /** Resource (plural) name in the URL: `deployments`. */
  plural: string;
  namespaced: boolean;
  /** `apps/v1/Deployment`, `v1/ConfigMap`: the spelling the shared Kubernetes reader gives items. */
  nativeType: string;
  /** `/apis/apps/v1` or `/api/v1`. */
  basePath: string;
}

export interface Discovery {
  kinds: ListableKind[];
  /** Group versions whose resource list failed (an aggregated API down, say): their kinds go unlisted. */
  failedGroupVersions: { groupVersion: string; summary: string; error: string }[];
}

/** Which kinds to list: `Kind` or `group/version/Kind` entries; empty `kinds` = all. */
export interface KindFilter {
  kinds: readonly string[];
  excludeKinds: readonly string[];
}

const matchesAny = (k: ListableKind, entries: readonly string[]) =>
  entries.some((e) => e === k.kind || e === k.nativeType);

/**
 * Legacy discovery (/api, /apis, then one APIResourceList per group version), the documents
 * every API server serves. Only each group's preferred version is read, so an object served
 * under two versions (autoscaling/v1 and v2) is listed once. /api or /apis failing throws.
 */
export async function discover(get: ClusterGet, filter: KindFilter): Promise<Discovery> {
  const core = parse(APIVersionsSchema, await get('/api'), '/api');
  const groups = parse(APIGroupListSchema, await get('/apis'), '/apis');
  const paths = [
    ...core.versions.map((v) => ({ groupVersion: v, basePath: `/api/${v}` })),
    ...groups.groups.map((g) => {
      const gv = g.preferredVersion?.groupVersion ?? g.versions[0]?.groupVersion ?? g.name;
      return { groupVersion: gv, basePath: `/apis/${gv}` };
    }),
  ];
  const kinds: ListableKind[] = [];
  const failedGroupVersions: Discovery['failedGroupVersions'] = [];
  await Promise.all(
    paths.map(async ({ groupVersion, basePath }) => {
      try {
        const list = parse(APIResourceListSchema, await get(basePath), basePath);
        for (const r of list.resources) {
          // Subresources (`deployments/scale`) are views of their parent, never listed on their own.
          if (r.name.includes('/') || !r.verbs.includes('list')) continue;
          const k: ListableKind = {
            groupVersion,
            kind: r.kind,
            plural: r.name,
            namespaced: r.namespaced,
            nativeType: `${groupVersion}/${r.kind}`,
            basePath,
          };
          if (filter.kinds.length > 0 && !matchesAny(k, filter.kinds)) continue;
          if (matchesAny(k, filter.excludeKinds)) continue;
          kinds.push(k);
        }
      } catch (e) {
        if (!(e instanceof KubernetesApiError)) throw e;
        failedGroupVersions.push({ groupVersion, summary: e.summary, error: e.message });
      }
    }),
  );
  kinds.sort((a, b) => a.nativeType.localeCompare(b.nativeType));
  failedGroupVersions.sort((a, b) => a.groupVersion.localeCompare(b.groupVersion));
  return { kinds, failedGroupVersions };
}

function parse<T>(schema: z.ZodType<T>, body: unknown, path: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new KubernetesApiError(200, 'UnexpectedBody', 'not a discovery document', path);
  return r.data;
}
