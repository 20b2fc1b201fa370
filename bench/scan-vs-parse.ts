import { parseInventoryText } from '../lib/adapters/inventory/snapshot-files/index.ts';
import { runScan } from '../lib/core/engine/scan.ts';
import { defaultClassifier, defaultRegistry } from '../lib/runtime/compose.ts';
import { createHasher } from '../lib/runtime/hasher.ts';
import { parseTerraformState } from '../state-parsers/terraform/index.ts';
import { inventoryText, stateText } from './synthetic.ts';

// With --expose-gc (npm run bench) every timed run starts from a collected heap, so no run pays
// for the garbage of the one before it.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time<T>(fn: () => T): { ms: number; value: T } {
  collect();
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function best<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let out = time(fn);
  for (let i = 1; i < runs; i++) {
    const next = time(fn);
    if (next.ms < out.ms) out = next;
  }
  return out;
}

/** 100,000-instance state + matching inventory: full scan time vs plain JSON.parse of the same text. */
export function benchScanVsParse(instances = 100_000, runs = 3): Record<string, string | number> {
  const state = stateText(instances);
  const inventory = inventoryText(instances);
  const registry = defaultRegistry();
  const hasher = createHasher('bench-key');
  const parse = best(runs, () => {
    JSON.parse(state);
    JSON.parse(inventory);
  });
  const scan = best(runs, () =>
    runScan({
      states: parseTerraformState(state, { source: 'bench.tfstate', hasher }).resources,
      inventory: parseInventoryText(inventory, 'bench-config.json'),
      registry,
      hasher,
      classify: defaultClassifier,
    }),
  );
  const s = scan.value.summary;
  return {
    instances,
    'state MB': +(state.length / 1e6).toFixed(1),
    'inventory MB': +(inventory.length / 1e6).toFixed(1),
    'JSON.parse ms': Math.round(parse.ms),
    'scan ms': Math.round(scan.ms),
    'scan/parse ratio (goal <= 2.0)': +(scan.ms / parse.ms).toFixed(2),
    'drifts found': `${s.changed} changed, ${s.missing} missing, ${s.unmanaged} unmanaged`,
    'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
