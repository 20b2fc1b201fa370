import { resolve } from 'node:path';
import { runScan } from '../core/engine/scan.ts';
import type { ScanRecord } from '../core/model/drift-record.ts';
import { UsageError } from '../core/model/errors.ts';
import type { DriftReport } from '../core/model/report.ts';
import type { DriftStore } from '../core/ports/drift-store.ts';
import { defaultClassifier, defaultRegistry } from '../runtime/compose.ts';
import { createHasher } from '../runtime/hasher.ts';
import { recordReport } from '../runtime/record-report.ts';
import { loadDesired, loadInventory } from './load-inputs.ts';

/** Inputs of one locally scannable target (the same flags as `driftwatch scan`). */
export interface LocalTarget {
  states: string[];
  manifests: string[];
  inventories: string[];
  cluster: string;
}

/** The four bundled example estates as targets: their live side as drifted, or after the fix. */
export function exampleTargets(
  examples: string,
  phase: 'drifted' | 'fixed' = 'fixed',
): Record<string, LocalTarget> {
  const inv = (name: string) => (phase === 'fixed' ? name.replace(/\.json$/, '-fixed.json') : name);
  const t = (state: string, inventory: string, manifests: string[] = []): LocalTarget => ({
    states: [resolve(examples, state)],
    manifests: manifests.map((m) => resolve(examples, m)),
    inventories: [resolve(examples, inv(inventory))],
    cluster: 'default',
  });
  return {
    'example-aws': t('aws/terraform.tfstate', 'aws/config-snapshot.json'),
    'example-azure': t('azure/terraform.tfstate', 'azure/resource-graph.json'),
    'example-gcp': t('gcp/terraform.tfstate', 'gcp/cloud-asset.json'),
    'example-kubernetes': t('kubernetes/terraform.tfstate', 'kubernetes/cluster.json', [
      'kubernetes/manifests',
    ]),
  };
}

/** Runs a named target's scan now and records it in the store: POST /scans locally, and the demo. */
export function localScanRunner(opts: {
  store: DriftStore;
  hashKey: string;
  cwd: string;
  targets: Record<string, LocalTarget>;
  defaultTarget: string;
}): (input: { target?: string }) => Promise<{ scan: ScanRecord; report: DriftReport }> {
  const registry = defaultRegistry();
  const hasher = createHasher(opts.hashKey);
  return async ({ target = opts.defaultTarget }) => {
    const t = opts.targets[target];
    if (!t) {
      const known = Object.keys(opts.targets).join(', ') || 'none';
      throw new UsageError(`unknown scan target "${target}" (known: ${known})`);
    }
    const states = await loadDesired(t.states, t.manifests, hasher, opts.cwd);
    const inventory = await loadInventory(t.inventories, t.cluster, opts.cwd);
    const startedAt = new Date();
    const report = runScan({
      states,
      inventory,
      registry,
      hasher,
      classify: defaultClassifier,
      now: () => startedAt,
    });
    const scan = await recordReport(opts.store, {
      hashKey: opts.hashKey,
      target,
      startedAt,
      report,
      states,
      inventory,
    });
    return { scan, report };
  };
}
