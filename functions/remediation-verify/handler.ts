import { type RemediationDeps, remediationDepsFromEnv } from '../remediation-plan/deps.ts';
import { lazy } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { rescanDrift } from './rescan.ts';
import { type Rescan, runRemediationVerify } from './verify.ts';

/** Verify of the remediation state machine. */
export function createRemediationVerifyHandler(deps: RemediationDeps & { rescan?: Rescan }) {
  const withRescan = { ...deps, rescan: deps.rescan ?? rescanDrift };
  return taskHandler((event) => runRemediationVerify(event, withRescan), deps);
}

const deps = lazy(() => remediationDepsFromEnv(process.env, 'driftwatch-remediation-verify'));
export const handler = onFirstCall(() => createRemediationVerifyHandler(deps()));
