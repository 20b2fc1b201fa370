import type { TaskTokenSender } from '../../../lib/core/ports/task-token-sender.ts';

interface Waiter {
  resolve(output: unknown): void;
  reject(err: Error): void;
}

/**
 * The TaskTokenSender bound to local executions: RequestApproval's override parks on its task
 * token here, and the API's SendTaskSuccess / SendTaskFailure resume it, as Step Functions would.
 */
export class LocalTaskTokens implements TaskTokenSender {
  readonly #waiting = new Map<string, Waiter>();
  readonly #registered = new Map<string, () => void>();
  readonly sent: { taskToken: string; outcome: 'success' | 'failure'; payload: unknown }[] = [];

  /** The promise the waitForTaskToken task resolves with (or rejects by error name). */
  wait(taskToken: string): Promise<unknown> {
    const parked = new Promise<unknown>((resolve, reject) =>
      this.#waiting.set(taskToken, { resolve, reject }),
    );
    this.#registered.get(taskToken)?.();
    return parked;
  }

  /** Resolves once an execution waits on the token. */
  waiting(taskToken: string): Promise<void> {
    if (this.#waiting.has(taskToken)) return Promise.resolve();
    return new Promise((resolve) => this.#registered.set(taskToken, resolve));
  }

  async succeed(taskToken: string, output: { decision: 'approve'; approver: string; comment?: string }) {
    this.sent.push({ taskToken, outcome: 'success', payload: output });
    this.#take(taskToken).resolve(output);
  }

  async fail(taskToken: string, error: { error: 'Rejected'; cause: string }) {
    this.sent.push({ taskToken, outcome: 'failure', payload: error });
    const err = new Error(error.cause);
    err.name = error.error;
    this.#take(taskToken).reject(err);
  }

  #take(taskToken: string): Waiter {
    const w = this.#waiting.get(taskToken);
    if (!w) {
      const err = new Error('Task does not exist anymore');
      err.name = 'TaskTimedOut';
      throw err;
    }
    this.#waiting.delete(taskToken);
    return w;
  }
}
