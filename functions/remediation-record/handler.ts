import { type RemediationDeps, remediationDepsFromEnv } from '../remediation-plan/deps.ts';
import { lazy } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { runRemediationRecord } from './record.ts';

/** Record / Rejected / Expired / Failed of the remediation state machine. */
export function createRemediationRecordHandler(deps: RemediationDeps) {
  return taskHandler((event) => runRemediationRecord(event, deps), deps);
}

const deps = lazy(() => remediationDepsFromEnv(process.env, 'driftwatch-remediation-record'));
export const handler = onFirstCall(() => createRemediationRecordHandler(deps()));
