import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { FileStateCache, MemoryStateCache, type StateCache } from '../adapters/shared/state-cache/index.ts';
import { FileStateSource } from '../adapters/state-sources/file/index.ts';
import type { StateSourceConfig } from '../core/config/index.ts';
import { StateParseError } from '../core/model/errors.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import type { StateSource } from '../core/ports/state-source.ts';
import type { RuntimeContext } from './context.ts';
import { notBundled, remoteStateSource } from './remote-state-sources.ts';

/** One cache per process and directory: a rescan in a warm Lambda or a long CLI run skips unchanged states. */
const caches = new Map<string, StateCache>();
function cacheFor(ctx: RuntimeContext): StateCache {
  const key = ctx.stateCacheDir ?? ':memory:';
  let cache = caches.get(key);
  if (!cache) {
    cache = ctx.stateCacheDir ? new FileStateCache(ctx.stateCacheDir) : new MemoryStateCache();
    caches.set(key, cache);
  }
  return cache;
}

/** The state sources for one configured location: local file/folder (+ workspaces), s3://, azblob://, gs://. */
export async function stateSourcesFor(
  config: StateSourceConfig,
  ctx: RuntimeContext,
): Promise<StateSource[]> {
  const { location, workspaces, options } =
    typeof config === 'string' ? { location: config, workspaces: ['default'], options: {} } : config;
  const remote = await remoteStateSource(location, options, {
    hasher: ctx.hasher,
    workspaces,
    cache: cacheFor(ctx),
  });
  if (remote) return [remote];
  return localWorkspaceFiles(resolve(ctx.cwd, location), workspaces, options.workspaceDir, ctx).map(
    (file) => new FileStateSource(file, ctx.hasher),
  );
}

/**
 * The local backend keeps `default` at its path and other workspaces at
 * `<workspaceDir>/<ws>/terraform.tfstate` (default `terraform.tfstate.d` next to it).
 */
function localWorkspaceFiles(
  path: string,
  workspaces: string[],
  workspaceDir: string | undefined,
  ctx: RuntimeContext,
): string[] {
  const onlyDefault = workspaces.length === 1 && workspaces[0] === 'default';
  if (onlyDefault) return [path];
  const dir = workspaceDir
    ? isAbsolute(workspaceDir)
      ? workspaceDir
      : resolve(ctx.cwd, workspaceDir)
    : join(path, '..', 'terraform.tfstate.d');
  const all = workspaces.includes('*');
  const names = all
    ? existsSync(dir)
      ? readdirSync(dir).filter((n) => existsSync(join(dir, n, 'terraform.tfstate')))
      : []
    : workspaces.filter((w) => w !== 'default');
  const files = names.sort().map((n) => join(dir, n, 'terraform.tfstate'));
  if (all || workspaces.includes('default')) {
    if (existsSync(path)) files.unshift(path);
  }
  if (files.length === 0)
    throw new StateParseError('no state found (no default state and no workspaces)', path);
  return files;
}

/** Reads every configured state location into one list of desired resources. */
export async function loadStates(
  configs: readonly StateSourceConfig[],
  ctx: RuntimeContext,
): Promise<StateResource[]> {
  const out: StateResource[] = [];
  for (const c of configs) {
    for (const source of await stateSourcesFor(c, ctx))
      for (const doc of await source.read()) out.push(...doc.resources);
  }
  return out;
}

/** State locations discovered from Terraform root modules (their `backend` blocks), every workspace. */
export async function discoverTfDirStates(
  dirs: readonly string[],
  ctx: RuntimeContext,
  notice: (line: string) => void = () => {},
): Promise<StateSourceConfig[]> {
  if (dirs.length === 0) return [];
  // Loaded on demand: the HCL parser is a 3.8 MB bundle only --tf-dir needs (a Lambda bundles it
  // only when its config names a tfDir; see remote-state-sources.ts for why the `if`).
  let discoverTfDir: typeof import('../adapters/state-sources/tf-dir/index.ts').discoverTfDir;
  if (process.env.DRIFTWATCH_BUNDLE_TF_DIR !== 'off')
    ({ discoverTfDir } = await import('../adapters/state-sources/tf-dir/index.ts'));
  else return notBundled('tfDir (Terraform backend discovery)');
  const out: StateSourceConfig[] = [];
  for (const dir of dirs) {
    const found = await discoverTfDir(resolve(ctx.cwd, dir));
    if ('unsupported' in found) {
      notice(`${dir}: ${found.backendType} backend skipped: ${found.unsupported}`);
      continue;
    }
    const { region, workspaceKeyPrefix, workspaceDir, endpoint } = found.options;
    out.push({
      location: found.location,
      workspaces: found.workspaces,
      options: {
        ...(region ? { region } : {}),
        ...(workspaceKeyPrefix ? { workspaceKeyPrefix } : {}),
        ...(workspaceDir ? { workspaceDir } : {}),
        ...(endpoint ? { endpoint } : {}),
      },
    });
  }
  return out;
}
