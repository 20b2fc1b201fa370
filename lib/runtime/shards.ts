import type { TargetConfig } from '../core/config/index.ts';
import { scopeKey } from '../core/model/coverage.ts';
import type { Provider } from '../core/model/provider.ts';

/**
 * One unit of scan work: one target's inventory in one scope (account×region, subscription,
 * project / folder / organization, cluster context). A shard line in the scan manifest.
 */
export interface ShardSpec {
  shardId: string;
  target: string;
  provider: Provider;
  /** Scope key (`aws:<acct>:<region>` …), or `export` for a target read from export files. */
  scope: string;
  /** The parent the inventory is asked about when it is not the scope itself (GCP folder/org, k8s context). */
  parent?: string;
}

/** Expands a target into its shards: one per scope of the live API, one for export files. */
export function planShards(target: TargetConfig): ShardSpec[] {
  const shard = (scope: string, parent?: string): ShardSpec => ({
    shardId: `${target.name}--${scope.replace(/[^A-Za-z0-9-]+/g, '-')}`.slice(0, 200),
    target: target.name,
    provider: target.provider,
    scope,
    ...(parent ? { parent } : {}),
  });
  if (target.inventory.length > 0 || !target.scopes) return [shard('export')];
  switch (target.provider) {
    case 'aws':
      return target.scopes.accounts.flatMap(
        (a) => target.scopes?.regions.map((r) => shard(scopeKey.aws(a, r))) ?? [],
      );
    case 'azure':
      return target.scopes.subscriptions.map((s) => shard(scopeKey.azure(s)));
    case 'gcp':
      return [
        ...target.scopes.projects.map((p) => shard(scopeKey.gcp(p), `projects/${p}`)),
        ...target.scopes.folders.map((f) => shard(`gcp-folder:${f}`, `folders/${f}`)),
        ...(target.scopes.organization
          ? [
              shard(
                `gcp-organization:${target.scopes.organization}`,
                `organizations/${target.scopes.organization}`,
              ),
            ]
          : []),
      ];
    case 'kubernetes': {
      const contexts = target.scopes.contexts.length > 0 ? target.scopes.contexts : ['current-context'];
      return contexts.map((c) => shard(scopeKey.kubernetes(target.scopes?.clusterNames[c] ?? c), c));
    }
  }
}
