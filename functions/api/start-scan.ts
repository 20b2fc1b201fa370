import type { ScanRecord } from '../../lib/core/model/drift-record.ts';

/** The one Step Functions call the API needs; the deployment issue backs it with @aws-sdk/client-sfn. */
export interface StartExecutionClient {
  startExecution(input: {
    stateMachineArn: string;
    name: string;
    input: string;
  }): Promise<{ executionArn: string }>;
}

/** The scan trigger has nothing to start: no state machine ARN, or no Step Functions client wired. */
export class ScanTriggerNotConfiguredError extends Error {
  constructor(what: string) {
    super(`scan trigger not configured: ${what}`);
    this.name = 'ScanTriggerNotConfiguredError';
  }
}

export interface StartScanDeps {
  /** From env SCAN_STATE_MACHINE_ARN. */
  stateMachineArn: string | undefined;
  client: StartExecutionClient | undefined;
  now: () => Date;
  /** Random suffix source, so two triggers in one millisecond get distinct execution names. */
  random: () => string;
}

/**
 * Starts the scan state machine for one target (or all) and returns the scan record of the run.
 * The execution name is the scan id: Step Functions refuses a second execution of the same name,
 * so a retried request cannot start the same scan twice.
 */
export async function startScanExecution(
  input: { target?: string },
  deps: StartScanDeps,
): Promise<ScanRecord> {
  if (!deps.stateMachineArn) throw new ScanTriggerNotConfiguredError('SCAN_STATE_MACHINE_ARN is not set');
  if (!deps.client)
    throw new ScanTriggerNotConfiguredError('no Step Functions client (install @aws-sdk/client-sfn)');
  const now = deps.now();
  // Execution names allow [A-Za-z0-9-_] up to 80 characters.
  const scanId = `scan-${now.toISOString().replace(/[:.]/g, '-')}-${deps.random()}`.slice(0, 80);
  const target = input.target ?? '*';
  await deps.client.startExecution({
    stateMachineArn: deps.stateMachineArn,
    name: scanId,
    input: JSON.stringify({ scanId, target, trigger: 'api' }),
  });
  return {
    scanId,
    target,
    status: 'running',
    startedAt: now.toISOString(),
    scopes: [],
    incompleteScopes: [],
    opened: 0,
    resolved: 0,
    changed: 0,
  };
}
