import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbApprovalStore } from '../../lib/adapters/approvals/dynamodb/index.ts';
import { DynamoDbDriftStore } from '../../lib/adapters/store/dynamodb/index.ts';
import { acknowledge, unacknowledge } from '../../lib/core/lifecycle/index.ts';
import { createApiHandler } from './app.ts';
import { type StartExecutionClient, startScanExecution } from './start-scan.ts';
import { SfnTaskTokenSender, sfnStartExecution } from './step-functions.ts';

/** The Step Functions client for POST /scans (StartExecution) on the given SDK client. */
export function stepFunctionsClient(sfn: SFNClient = new SFNClient({})): StartExecutionClient {
  return sfnStartExecution(sfn);
}

/** Handler dependencies from the Lambda environment (TABLE_NAME, SCAN_STATE_MACHINE_ARN). */
export function depsFromEnv(env: NodeJS.ProcessEnv) {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  const sfn = new SFNClient({});
  const client = stepFunctionsClient(sfn);
  const store = new DynamoDbDriftStore({ tableName });
  return {
    store,
    // Approvals live in the drift table; decisions resume the remediation workflow by task token.
    approvals: new DynamoDbApprovalStore({ tableName, client: store.client }),
    tasks: new SfnTaskTokenSender(sfn),
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
