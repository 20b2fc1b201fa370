import { BUNDLE_DEFINE, type StateBackend, stateBackendDefine } from './bundling-options.ts';

/** Providers with a ScanShard function of their own (the manifest line's `provider`). */
export const SHARD_PROVIDERS = ['aws', 'azure', 'gcp', 'kubernetes'] as const;
export type ShardProvider = (typeof SHARD_PROVIDERS)[number];

/** Where each provider's desired state usually lives: its cloud's state backend; Kubernetes manifests. */
const NATIVE_BACKEND: Record<ShardProvider, StateBackend> = {
  aws: 's3',
  azure: 'azblob',
  gcp: 'gcs',
  kubernetes: 'manifests',
};

/**
 * esbuild `define` of one provider's ScanShard bundle: that provider's inventory adapter only; its
 * native desired-state input and local state files, plus every input in `configured`.
 */
export function shardDefine(
  provider: ShardProvider,
  configured: Iterable<StateBackend> = [],
): Record<string, string> {
  const keep = new Set<StateBackend>(configured);
  keep.add(NATIVE_BACKEND[provider]);
  return { [BUNDLE_DEFINE.provider]: JSON.stringify(provider), ...stateBackendDefine(keep) };
}

interface ConfigTargetShape {
  provider?: unknown;
  state?: unknown;
  tfDir?: unknown;
  manifests?: unknown;
  inventory?: unknown;
}

/**
 * The providers the config scans and, per provider, the state backends its targets name, and
 * whether they use tfDir, manifests or inventory export files (read
 * from the validated config JSON: lib/infra may not import the config schema).
 */
export function shardBackendsFromConfig(configJson: string): Map<ShardProvider, Set<StateBackend>> {
  const targets = (JSON.parse(configJson) as { targets?: ConfigTargetShape[] }).targets ?? [];
  const out = new Map<ShardProvider, Set<StateBackend>>();
  for (const t of targets) {
    const provider = SHARD_PROVIDERS.find((p) => p === t.provider);
    if (!provider) continue;
    const set = out.get(provider) ?? new Set<StateBackend>();
    out.set(provider, set);
    if (typeof t.tfDir === 'string') set.add('tfDir');
    if (Array.isArray(t.manifests) && t.manifests.length > 0) set.add('manifests');
    if (Array.isArray(t.inventory) && t.inventory.length > 0) set.add('exports');
    for (const s of Array.isArray(t.state) ? t.state : []) {
      const location = typeof s === 'string' ? s : (s as { location?: unknown })?.location;
      const backend = typeof location === 'string' ? backendOf(location) : undefined;
      if (backend) set.add(backend);
    }
  }
  return out;
}

function backendOf(location: string): StateBackend | undefined {
  if (/^s3:\/\//i.test(location)) return 's3';
  if (/^azblob:\/\//i.test(location)) return 'azblob';
  if (/^gs:\/\//i.test(location)) return 'gcs';
  return undefined;
}

/**
 * esbuild `define` of the ScanFinalize bundle: it reloads every target's desired state (resolution
 * facts), so it keeps the backends any target names (`configured`); it reads no inventory.
 */
export function finalizeDefine(configured: Iterable<StateBackend>): Record<string, string> {
  return stateBackendDefine(new Set(configured));
}

/** `ScanShardAws` …: the shard function's construct id / metadata name, and its task state's name. */
export function shardFunctionName(provider: string): string {
  return `ScanShard${provider.charAt(0).toUpperCase()}${provider.slice(1)}`;
}
