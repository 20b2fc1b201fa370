import type { z } from 'zod';
import type { RemediationConfigSchema } from '../config/config.ts';
import type { AttributeChange } from '../model/drift.ts';
import type { DriftRecord } from '../model/drift-record.ts';
import { isSensitive, SENSITIVE_PLACEHOLDER } from '../model/sensitive.ts';
import { chooseExecutor } from './executor-choice.ts';
import type { Executor, PlanDiffEntry, PlanStep, Remediation, RemediationPlan } from './plan-schema.ts';

export type RemediationConfig = z.infer<typeof RemediationConfigSchema>;

/** Either side sensitive seals both: the plain side could be the secret's other half. */
const isSealed = (c: AttributeChange): boolean =>
  c.sensitive === true || isSensitive(c.desired) || isSensitive(c.actual);

/** The dry-run diff: each changed path with desired and actual, sensitive values kept sealed. */
export function planDiff(record: DriftRecord): PlanDiffEntry[] {
  return record.changes.map((c) => {
    const sensitive = isSealed(c);
    return {
      path: c.path,
      desired: sensitive ? SENSITIVE_PLACEHOLDER : c.desired,
      actual: sensitive ? SENSITIVE_PLACEHOLDER : c.actual,
      sensitive,
    };
  });
}

const resourceName = (r: DriftRecord) => r.address ?? r.resourceId;

/** The steps an executor takes for a drift; descriptions name paths, never values. */
export function planSteps(executor: Executor, record: DriftRecord): PlanStep[] {
  const name = resourceName(record);
  const paths = record.changes.map((c) => c.path);
  switch (executor) {
    case 'notify-only':
      return [{ action: 'notify', description: `notify the owners of ${name}; nothing is changed` }];
    case 'revert-tags': {
      const steps: PlanStep[] = [];
      const set = paths.filter(
        (_, i) => record.changes[i]?.desired !== undefined && record.changes[i]?.desired !== null,
      );
      const unset = paths.filter((p) => !set.includes(p));
      if (set.length)
        steps.push({
          action: 'tag-resources',
          description: `set tags ${set.join(', ')} on ${record.resourceId}`,
        });
      if (unset.length)
        steps.push({
          action: 'untag-resources',
          description: `remove tags ${unset.join(', ')} from ${record.resourceId}`,
        });
      return steps;
    }
    case 'scale-replicas':
      return [
        {
          action: 'scale',
          description: `scale ${record.resourceId} back to its desired ${paths.join(', ')}`,
        },
      ];
    case 'kubernetes-patch':
      return [
        {
          action: 'merge-patch',
          description: `patch ${record.resourceId} back to the desired ${paths.join(', ')}`,
        },
      ];
    case 'terraform-pipeline':
      return [
        {
          action: 'start-pipeline',
          description: `run the Terraform pipeline of ${record.target} for ${name}`,
        },
      ];
  }
}

/** The plan for one drift under the remediation config: executor, steps and dry-run diff. */
export function buildPlan(
  record: DriftRecord,
  config: RemediationConfig,
): { executor: Executor; dryRun: boolean; plan: RemediationPlan } {
  const executor = chooseExecutor(record, config.executor);
  const steps = planSteps(executor, record);
  const mode = config.dryRun ? 'dry run' : 'live';
  const summary =
    `${executor} (${mode}) for ${record.kind} ${resourceName(record)} in ${record.target}: ${steps
      .map((s) => s.description)
      .join('; ')}`.slice(0, 2000);
  return { executor, dryRun: config.dryRun, plan: { summary, steps, diff: planDiff(record) } };
}

/** The workflow state BuildPlan returns. */
export function remediationFor(
  remediationId: string,
  record: DriftRecord,
  config: RemediationConfig,
): Remediation {
  return { remediationId, driftId: record.id, target: record.target, ...buildPlan(record, config) };
}
