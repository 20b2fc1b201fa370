import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { TaskTokenSender } from '../../lib/core/ports/task-token-sender.ts';
import type { StartExecutionClient } from './start-scan.ts';

/** POST /scans on the real Step Functions API. */
export function sfnStartExecution(client: SFNClient): StartExecutionClient {
  return {
    async startExecution(input) {
      const out = await client.send(new StartExecutionCommand(input));
      if (!out.executionArn) throw new Error('StartExecution returned no executionArn');
      return { executionArn: out.executionArn };
    },
  };
}

/** Approval decisions resume the remediation workflow: SendTaskSuccess, or SendTaskFailure with error `Rejected`. */
export class SfnTaskTokenSender implements TaskTokenSender {
  constructor(private readonly client: SFNClient = new SFNClient({})) {}

  async succeed(
    taskToken: string,
    output: { decision: 'approve'; approver: string; comment?: string },
  ): Promise<void> {
    await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async fail(taskToken: string, error: { error: 'Rejected'; cause: string }): Promise<void> {
    // Step Functions caps error at 256 and cause at 32,768 characters.
    await this.client.send(
      new SendTaskFailureCommand({ taskToken, error: error.error, cause: error.cause.slice(0, 32_768) }),
    );
  }
}
