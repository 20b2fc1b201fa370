import { resolve } from 'node:path';
import { FileStateSource } from '../adapters/state-sources/file/index.ts';
import type { StateSourceConfig } from '../core/config/index.ts';
import { UsageError } from '../core/model/errors.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import type { StateSource } from '../core/ports/state-source.ts';
import type { RuntimeContext } from './target-sources.ts';

const REMOTE = /^(s3|azblob|gs):\/\//i;

/** The state source for one configured location: a local file/folder, s3://, azblob:// or gs://. */
export function stateSourceFor(config: StateSourceConfig, ctx: RuntimeContext): StateSource {
  const location = typeof config === 'string' ? config : config.location;
  if (REMOTE.test(location)) throw new UsageError('remote state is not wired yet', location);
  return new FileStateSource(resolve(ctx.cwd, location), ctx.hasher);
}

/** Reads every configured state location into one list of desired resources. */
export async function loadStates(
  configs: readonly StateSourceConfig[],
  ctx: RuntimeContext,
): Promise<StateResource[]> {
  const out: StateResource[] = [];
  for (const c of configs) for (const doc of await stateSourceFor(c, ctx).read()) out.push(...doc.resources);
  return out;
}

/** State locations discovered from Terraform code folders (their `backend` blocks). */
export async function discoverTfDirStates(
  dirs: readonly string[],
  ctx: RuntimeContext,
): Promise<StateSourceConfig[]> {
  if (dirs.length > 0) throw new UsageError('--tf-dir is not wired yet', dirs[0]);
  return [];
}
