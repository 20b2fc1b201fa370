import { DynamoDbApprovalStore } from '../../lib/adapters/approvals/dynamodb/index.ts';
import type { DynamoDbDriftStore } from '../../lib/adapters/store/dynamodb/index.ts';
import type { ApprovalStore } from '../../lib/core/ports/approval-store.ts';
import { type ScanDeps, scanDepsFromEnv } from '../shared/deps.ts';

/** The scan handlers' dependencies plus the approvals (same table, same client). */
export interface RemediationDeps extends ScanDeps {
  approvals: ApprovalStore;
}

/** Builds a remediation handler's dependencies from the Lambda environment (docs/workflows.md). */
export function remediationDepsFromEnv(env: NodeJS.ProcessEnv, service: string): RemediationDeps {
  const base = scanDepsFromEnv(env, service);
  const store = base.store as DynamoDbDriftStore;
  return {
    ...base,
    approvals: new DynamoDbApprovalStore({ tableName: store.tableName, client: store.client }),
  };
}
