import { resolve } from 'node:path';
import type { TargetConfig } from '../core/config/index.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import type { RuntimeContext } from './context.ts';
import { notBundled } from './remote-state-sources.ts';
import { discoverTfDirStates, loadStates } from './state-sources.ts';

/** Every desired resource of a target: its state sources (files, s3://, azblob://, gs://) and manifests. */
export async function loadTargetDesired(target: TargetConfig, ctx: RuntimeContext): Promise<StateResource[]> {
  const discovered = target.tfDir
    ? await discoverTfDirStates([resolve(ctx.cwd, target.tfDir)], ctx, ctx.notice)
    : [];
  const out = await loadStates([...target.state, ...discovered], ctx);
  if (target.manifests.length > 0) out.push(...(await loadManifests(target.manifests, ctx)));
  return out;
}

// A Lambda bundle keeps the manifest parser (and YAML) only when its config names manifests:
// DRIFTWATCH_BUNDLE_MANIFESTS is an esbuild define (see remote-state-sources.ts for the `if`).
async function loadManifests(paths: readonly string[], ctx: RuntimeContext): Promise<StateResource[]> {
  if (process.env.DRIFTWATCH_BUNDLE_MANIFESTS !== 'off') {
    const { ManifestStateSource } = await import('../adapters/state-sources/manifests/index.ts');
    const out: StateResource[] = [];
    for (const m of paths)
      for (const doc of await new ManifestStateSource(resolve(ctx.cwd, m), ctx.hasher).read())
        out.push(...doc.resources);
    return out;
  }
  return notBundled('the Kubernetes manifest parser');
}
