import type { ScanDeps } from '../shared/deps.ts';
import { scanDepsFromEnv } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { runShard } from './shard.ts';

/** The ScanShard task inside the Distributed Map (docs/workflows.md). */
export function createScanShardHandler(deps: ScanDeps) {
  return taskHandler((event) => runShard(event, deps), deps);
}

export const handler = onFirstCall(() =>
  createScanShardHandler(scanDepsFromEnv(process.env, 'driftwatch-scan-shard')),
);
