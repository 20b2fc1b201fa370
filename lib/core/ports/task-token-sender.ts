/** Resumes the workflow waiting on an approval (Step Functions SendTaskSuccess / SendTaskFailure). */
export interface TaskTokenSender {
  /** The approval task succeeds with `output` (`{ decision: "approve", approver, comment }`). */
  succeed(
    taskToken: string,
    output: { decision: 'approve'; approver: string; comment?: string },
  ): Promise<void>;
  /** The approval task fails with error `Rejected`, which the state machine catches. */
  fail(taskToken: string, error: { error: 'Rejected'; cause: string }): Promise<void>;
}
