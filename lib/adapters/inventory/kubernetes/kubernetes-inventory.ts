import type { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesScopes } from '../../../core/config/scope-types.ts';
import { KubernetesScopesSchema } from '../../../core/config/scopes.ts';
import { type CoverageEvidence, type InventorySnapshot, scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import type { InventorySource } from '../../../core/ports/inventory-source.ts';
import {
  type ClusterStats,
  clusterClient,
  type KubernetesCall,
  type KubernetesRetryOptions,
} from './client.ts';
import { discover } from './discovery.ts';
import { KubernetesApiError, KubernetesConfigError } from './errors.ts';
import { type ClusterTarget, resolveTargets } from './kube-config.ts';
import { listKind } from './list-kind.ts';

export interface KubernetesInventoryOptions {
  /** Target name (config `targets[].name`), used in the inventory's name. */
  target: string;
  /** Scopes as written in the config; parsed (defaults applied) here. */
  scopes: Partial<KubernetesScopes>;
  /** A ready KubeConfig instead of reading the kubeconfig file (tests, embedding). */
  kubeConfig?: KubeConfig;
  /** Scan only this context: one scope is one scan shard. */
  only?: string;
  onCall?: (call: KubernetesCall) => void;
  retry?: KubernetesRetryOptions;
  /** Parallel requests per cluster (default 4). */
  concurrency?: number;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Relists of one kind after its continue token expired (default 2). */
  maxRelists?: number;
}

/** What one cluster's scan did: counters, the kinds listed in full, and what could not be read. */
export interface ClusterReport extends ClusterStats {
  context: string;
  cluster: string;
  listedKinds: string[];
  failedKinds: { nativeType: string; summary: string; error: string }[];
  /** Namespaced kinds read under a namespace filter: listed, but not evidence of absence. */
  partialKinds: string[];
}

/**
 * Live Kubernetes inventory through the API server: discovery, then one chunked list per
 * listable kind. A kind that cannot be listed in full is left out of the coverage evidence, and
 * a cluster that cannot be discovered is reported incomplete: neither ever makes anything missing.
 */
export class KubernetesInventory implements InventorySource {
  readonly name: string;
  private readonly scopes: KubernetesScopes;
  /** Filled by read(), one entry per cluster. */
  report: ClusterReport[] = [];

  constructor(private readonly opts: KubernetesInventoryOptions) {
    const parsed = KubernetesScopesSchema.safeParse(opts.scopes);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KubernetesConfigError(
        `scopes.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    this.scopes = parsed.data;
    this.name = `kubernetes:${opts.target}${opts.only ? `/${opts.only}` : ''}`;
  }

  /** Scans every cluster in parallel; throws only KubernetesConfigError (unreadable kubeconfig). */
  async read(): Promise<InventorySnapshot> {
    const targets = resolveTargets(this.scopes, this.opts.kubeConfig, this.opts.only);
    const scans = await Promise.all(targets.map((t) => this.scanCluster(t)));
    this.report = scans.map((s) => s.report);
    return { resources: scans.flatMap((s) => s.resources), coverage: scans.map((s) => s.evidence) };
  }

  private async scanCluster(t: ClusterTarget) {
    const source = `kubernetes-api:${t.context}`;
    const report: ClusterReport = {
      context: t.context,
      cluster: t.cluster,
      calls: 0,
      retries: 0,
      retryDelaysMs: [],
      relists: 0,
      listedKinds: [],
      failedKinds: [],
      partialKinds: [],
    };
    const evidence = (nativeTypes: string[], reason?: string, complete = true): CoverageEvidence => ({
      provider: 'kubernetes',
      scope: scopeKey.kubernetes(t.cluster),
      nativeTypes,
      complete,
      ...(reason ? { reason } : {}),
      source,
    });
    const failed = (reason: string) => ({ resources: [], report, evidence: evidence([], reason, false) });
    if ('error' in t) return failed(t.error);
    let get: ReturnType<typeof clusterClient>;
    let discovery: Awaited<ReturnType<typeof discover>>;
    try {
      get = clusterClient(
        t.kc,
        {
          cluster: t.cluster,
          concurrency: this.opts.concurrency ?? 4,
          timeoutMs: this.opts.timeoutMs ?? 30_000,
          retry: this.opts.retry ?? {},
          ...(this.opts.onCall ? { onCall: this.opts.onCall } : {}),
        },
        report,
      );
      discovery = await discover(get, this.scopes);
    } catch (e) {
      if (!(e instanceof KubernetesApiError)) throw e;
      return failed(`discovery failed (${e.message})`);
    }
    const { namespaces, excludeNamespaces, pageSize } = this.scopes;
    const listOpts = {
      pageSize,
      namespaces: namespaces.length > 0 ? namespaces : null,
      excludeNamespaces: new Set(excludeNamespaces),
      maxRelists: this.opts.maxRelists ?? 2,
      cluster: t.cluster,
      source,
      stats: report,
    };
    const namespaceFiltered = namespaces.length > 0 || excludeNamespaces.length > 0;
    const resources: LiveResource[] = [];
    await Promise.all(
      discovery.kinds.map(async (k) => {
        try {
          const items = await listKind(get, k, listOpts);
          for (const r of items) resources.push(r);
          // A filtered listing proves nothing about the namespaces left out (see ClusterReport).
          (namespaceFiltered && k.namespaced ? report.partialKinds : report.listedKinds).push(k.nativeType);
        } catch (e) {
          // 403 on secrets, a CRD whose webhook is down, a malformed item: this kind is simply unevidenced.
          const error = e instanceof Error ? e.message : String(e);
          report.failedKinds.push({
            nativeType: k.nativeType,
            summary: e instanceof KubernetesApiError ? e.summary : 'unreadable',
            error,
          });
        }
      }),
    );
    for (const g of discovery.failedGroupVersions)
      report.failedKinds.push({ nativeType: `${g.groupVersion}/*`, summary: g.summary, error: g.error });
    report.listedKinds.sort();
    report.partialKinds.sort();
    report.failedKinds.sort((a, b) => a.nativeType.localeCompare(b.nativeType));
    return { resources, report, evidence: evidence(report.listedKinds, notListedReason(report)) };
  }
}

/** `not listed: v1/Secret (403 Forbidden)`: why some kinds carry no evidence (the scope stays complete). */
function notListedReason(r: ClusterReport): string | undefined {
  const parts = r.failedKinds.map((f) => `${f.nativeType} (${f.summary})`);
  if (r.partialKinds.length > 0)
    parts.push(`${r.partialKinds.length} namespaced kind(s) under a namespace filter`);
  return parts.length > 0 ? `not listed: ${parts.join(', ')}` : undefined;
}
