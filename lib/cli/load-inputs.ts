import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SnapshotFileInventory } from '../adapters/inventory/snapshot-files/index.ts';
import { ManifestStateSource } from '../adapters/state-sources/manifests/index.ts';
import type { IgnorePolicy } from '../core/engine/types.ts';
import { filterChanges, isIgnored, parseIgnoreFile } from '../core/ignore/index.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import { UsageError } from '../core/model/errors.ts';
import type { SensitiveHasher } from '../core/model/sensitive.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import type { RuntimeContext } from '../runtime/context.ts';
import { discoverTfDirStates, loadStates } from '../runtime/state-sources.ts';

/** Reads every --state and --manifests source into one list of desired resources. */
export async function loadDesired(
  states: readonly string[],
  manifests: readonly string[],
  hasher: SensitiveHasher,
  cwd: string,
  opts: {
    tfDirs?: readonly string[];
    env?: Record<string, string | undefined>;
    stateCacheDir?: string;
    notice?: (line: string) => void;
  } = {},
): Promise<StateResource[]> {
  for (const s of states) {
    if (/^https?:\/\//i.test(s))
      throw new UsageError('use s3://, azblob://, gs:// or a local path for state', s);
  }
  const ctx: RuntimeContext = {
    cwd,
    hasher,
    env: opts.env ?? {},
    ...(opts.stateCacheDir ? { stateCacheDir: opts.stateCacheDir } : {}),
    ...(opts.notice ? { notice: opts.notice } : {}),
  };
  const discovered = await discoverTfDirStates(opts.tfDirs ?? [], ctx, opts.notice);
  const out = await loadStates([...states, ...discovered], ctx);
  for (const m of manifests) {
    for (const doc of await new ManifestStateSource(resolve(cwd, m), hasher).read())
      out.push(...doc.resources);
  }
  return out;
}

/** Reads and merges every --inventory export (GCP project ids resolved across files). */
export async function loadInventory(
  files: readonly string[],
  cluster: string,
  cwd: string,
): Promise<InventorySnapshot> {
  return new SnapshotFileInventory(
    files.map((f) => resolve(cwd, f)),
    { cluster },
  ).read();
}

/** --ignore <file>, else ./.driftignore when present, else nothing ignored. */
export function loadIgnore(path: string | undefined, cwd: string): IgnorePolicy | undefined {
  const file = path ? resolve(cwd, path) : resolve(cwd, '.driftignore');
  if (!existsSync(file)) {
    if (path) throw new UsageError(`${path}: ignore file not found`);
    return undefined;
  }
  const rules = parseIgnoreFile(readFileSync(file, 'utf8'), path ?? '.driftignore');
  return {
    isIgnored: (d, tfTypes) => isIgnored(rules, d, tfTypes),
    filterChanges: (d, changes) => filterChanges(rules, d, changes),
  };
}
