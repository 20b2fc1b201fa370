import type { ScanDeps } from '../shared/deps.ts';
import { scanDepsFromEnv } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { type FinalizeOutput, runFinalize } from './finalize.ts';
import { runScanFailed, type ScanFailedOutput } from './scan-failed.ts';

const isFailure = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { failed?: unknown }).failed === true;

/** The Finalize task, and the ScanFailed task (`{ scanId, failed: true, error }`), of the scan state machine. */
export function createScanFinalizeHandler(deps: ScanDeps) {
  return taskHandler<FinalizeOutput | ScanFailedOutput>(
    (event) => (isFailure(event) ? runScanFailed(event, deps) : runFinalize(event, deps)),
    deps,
  );
}

export const handler = onFirstCall(() =>
  createScanFinalizeHandler(scanDepsFromEnv(process.env, 'driftwatch-scan-finalize')),
);
