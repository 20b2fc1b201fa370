import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDbDriftStore } from '../../lib/adapters/store/dynamodb/index.ts';
import { acknowledge, unacknowledge } from '../../lib/core/lifecycle/index.ts';
import { createApiHandler } from './app.ts';
import { type StartExecutionClient, startScanExecution } from './start-scan.ts';

/**
 * The Step Functions client for POST /scans. None yet: @aws-sdk/client-sfn arrives with the
 * deployment issue, which returns `new SFNClient({})` wrapped to this interface here. Until then
 * POST /scans answers 503 not_configured.
 */
export function stepFunctionsClient(): StartExecutionClient | undefined {
  return undefined;
}

/** Handler dependencies from the Lambda environment (TABLE_NAME, SCAN_STATE_MACHINE_ARN). */
export function depsFromEnv(env: NodeJS.ProcessEnv) {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  const client = stepFunctionsClient();
  return {
    store: new DynamoDbDriftStore({ tableName }),
    lifecycle: { acknowledge, unacknowledge },
    triggerScan: (input: { target?: string }) =>
      startScanExecution(input, {
        stateMachineArn: env.SCAN_STATE_MACHINE_ARN,
        client,
        now: () => new Date(),
        random: () => randomBytes(4).toString('hex'),
      }),
    logger: new Logger({ serviceName: 'driftwatch-api' }),
    metrics: new Metrics({ namespace: 'driftwatch', serviceName: 'driftwatch-api' }),
  };
}

export const handler = createApiHandler(depsFromEnv(process.env));
