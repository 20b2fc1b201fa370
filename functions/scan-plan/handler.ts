import type { ScanDeps } from '../shared/deps.ts';
import { scanDepsFromEnv } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { runPlan } from './plan.ts';

/** The Plan task of the scan state machine (docs/workflows.md). */
export function createScanPlanHandler(deps: ScanDeps) {
  return taskHandler((event) => runPlan(event, deps), deps);
}

export const handler = onFirstCall(() =>
  createScanPlanHandler(scanDepsFromEnv(process.env, 'driftwatch-scan-plan')),
);
