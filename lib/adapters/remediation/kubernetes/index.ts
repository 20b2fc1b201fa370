import type { DriftRecord } from '../../../core/model/drift-record.ts';
import { RemediationError } from '../../../core/remediation/errors.ts';
import type { ExecutorInput, RemediationExecutor } from '../../../core/remediation/executor.ts';
import { desiredPatch } from '../../../core/remediation/patches.ts';
import type { ExecutionAction } from '../../../core/remediation/plan-schema.ts';
import { objectRef } from './object-ref.ts';
import type { KubernetesPatcher } from './patcher.ts';

export { type ObjectRef, objectRef } from './object-ref.ts';
export { clientNodePatcher, type KubernetesPatcher, kubeConfigFor } from './patcher.ts';

/** The patcher of a drift's cluster (its scope names the context). */
export type PatcherFor = (record: DriftRecord) => KubernetesPatcher;

const label = (r: ReturnType<typeof objectRef>) =>
  `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

/** Puts spec.replicas back to the desired count (a strategic merge patch of that one field). */
export class ScaleReplicasExecutor implements RemediationExecutor {
  readonly name = 'scale-replicas' as const;
  constructor(private readonly patcherFor: PatcherFor) {}

  async execute({ record, dryRun }: ExecutorInput): Promise<ExecutionAction[]> {
    const change = record.changes.find((c) => /(^|\.)replicas$/.test(c.path));
    if (!change || typeof change.desired !== 'number')
      throw new RemediationError('no desired replica count in the drift', record.id);
    const ref = objectRef(record);
    if (!dryRun)
      await this.patcherFor(record).patch(ref, { spec: { replicas: change.desired } }, 'strategic');
    return [
      {
        action: 'scale',
        resource: label(ref),
        description: `set ${change.path} to the desired count`,
        applied: !dryRun,
      },
    ];
  }
}

/** Patches the changed paths of an object back to the desired spec (JSON merge patch). */
export class KubernetesPatchExecutor implements RemediationExecutor {
  readonly name = 'kubernetes-patch' as const;
  constructor(private readonly patcherFor: PatcherFor) {}

  async execute({ record, dryRun }: ExecutorInput): Promise<ExecutionAction[]> {
    const ref = objectRef(record);
    const patch = desiredPatch(record);
    if (!dryRun) await this.patcherFor(record).patch(ref, patch, 'merge');
    const paths = record.changes.map((c) => c.path).join(', ');
    return [
      {
        action: 'merge-patch',
        resource: label(ref),
        description: `patch ${paths} to the desired spec`,
        applied: !dryRun,
      },
    ];
  }
}
