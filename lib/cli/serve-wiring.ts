import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDbApprovalStore } from '../adapters/approvals/dynamodb/index.ts';
import { openLocalStore } from '../adapters/store/dynamodb/embedded.ts';
import type { DynamoDbDriftStore } from '../adapters/store/dynamodb/store.ts';
import { HttpError } from '../api/http-error.ts';
import type { ScanRecord } from '../core/model/drift-record.ts';
import type { ApprovalStore } from '../core/ports/approval-store.ts';
import type { DriftStore } from '../core/ports/drift-store.ts';
import type { TaskTokenSender } from '../core/ports/task-token-sender.ts';
import type { ServeDeps } from './commands/serve.ts';
import { loadOrCreateHashKey } from './hash-key.ts';
import type { CliIo } from './io.ts';
import { exampleTargets, localScanRunner } from './local-scan-runner.ts';

/**
 * Local `serve`: the embedded store, and POST /scans running a scan right here. The scannable
 * targets are the bundled examples (as fixed by the demo) when the examples folder is present.
 */
export function localServeDeps(io: CliIo): ServeDeps & { remediation(): LocalRemediation | undefined } {
  let opened: { store: DriftStore; dir: string } | undefined;
  let remediation: LocalRemediation | undefined;
  return {
    async openStore({ dir }) {
      const handle = await openLocalStore({ dir });
      opened = { store: handle.store, dir };
      remediation = localRemediation(handle.store);
      return handle;
    },
    remediation: () => remediation,
    async triggerScan({ target }): Promise<ScanRecord> {
      if (!opened) throw new HttpError(503, 'not_configured', { message: 'the store is not open' });
      const examples = resolve(io.cwd, 'examples');
      const targets = existsSync(examples) ? exampleTargets(examples, 'fixed') : {};
      const name = target ?? 'example-aws';
      if (!(name in targets)) {
        throw new HttpError(404, 'not_found', {
          message: `no local scan target "${name}"; known: ${Object.keys(targets).join(', ') || 'none'}`,
        });
      }
      const run = localScanRunner({
        store: opened.store,
        hashKey: loadOrCreateHashKey(opened.dir, io.env),
        cwd: io.cwd,
        targets,
        defaultTarget: name,
      });
      return (await run({ target: name })).scan;
    },
  };
}

/** A decision taken locally: no workflow waits on a task token, so the decision is only recorded. */
export interface RecordedDecision {
  taskToken: string;
  outcome: 'succeeded' | 'failed';
  output: unknown;
}

/** The local TaskTokenSender: records each decision (no Step Functions runs locally). */
export class RecordingTaskTokenSender implements TaskTokenSender {
  readonly decisions: RecordedDecision[] = [];

  async succeed(taskToken: string, output: { decision: 'approve'; approver: string; comment?: string }) {
    this.decisions.push({ taskToken, outcome: 'succeeded', output });
  }

  async fail(taskToken: string, error: { error: 'Rejected'; cause: string }) {
    this.decisions.push({ taskToken, outcome: 'failed', output: error });
  }
}

export interface LocalRemediation {
  approvals: ApprovalStore;
  tasks: RecordingTaskTokenSender;
}

/** Approvals on the embedded store's table (same client), decisions recorded in memory. */
export function localRemediation(store: DynamoDbDriftStore): LocalRemediation {
  return {
    approvals: new DynamoDbApprovalStore({ tableName: store.tableName, client: store.client }),
    tasks: new RecordingTaskTokenSender(),
  };
}
