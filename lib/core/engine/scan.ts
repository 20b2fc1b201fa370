import { CoverageIndex } from '../match/coverage-index.ts';
import { LiveIndex } from '../match/live-index.ts';
import type { DriftReport } from '../model/report.ts';
import { desiredPass } from './desired-pass.ts';
import { buildReport } from './summarize.ts';
import type { ScanInput } from './types.ts';
import { unmanagedPass } from './unmanaged-pass.ts';

/**
 * The drift engine: desired state + live inventory → drift report. Pure: all I/O, hashing keys
 * and policies are injected, so the CLI and the Lambda shards run exactly the same code.
 */
export function runScan(input: ScanInput): DriftReport {
  const live = new LiveIndex(input.inventory.resources);
  const coverage = new CoverageIndex(input.inventory.coverage);
  const desired = desiredPass(input, live, coverage);
  const unmanaged = unmanagedPass(input, live, desired);
  return buildReport({
    drifts: [...desired.drifts, ...unmanaged.drifts],
    managed: desired.managed,
    notChecked: desired.notChecked,
    evidence: input.inventory.coverage,
    existenceOnly: desired.existenceOnly,
    ignored: desired.ignored + unmanaged.ignored,
    generatedAt: (input.now ?? (() => new Date()))(),
  });
}
