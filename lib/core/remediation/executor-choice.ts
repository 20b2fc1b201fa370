import type { DriftRecord } from '../model/drift-record.ts';
import type { Executor } from './plan-schema.ts';

const TAG_PATH = /^(tags|tags_all|labels|metadata\.labels)(\.|$)/;

/** True when every changed path is a tag or label (revert-tags can put it back). */
export function isTagOnlyChange(record: DriftRecord): boolean {
  return (
    record.kind === 'changed' &&
    record.changes.length > 0 &&
    record.changes.every((c) => TAG_PATH.test(c.path))
  );
}

/** The executor the drift itself calls for, whatever is configured. */
export function executorForDrift(record: DriftRecord): Executor {
  if (record.kind === 'unmanaged') return 'notify-only';
  if (record.kind === 'changed') {
    if (record.provider === 'aws' && isTagOnlyChange(record)) return 'revert-tags';
    if (record.provider === 'kubernetes')
      return record.category === 'Scaling' ? 'scale-replicas' : 'kubernetes-patch';
  }
  // Anything declared in Terraform can be put back by applying the code.
  return record.address ? 'terraform-pipeline' : 'notify-only';
}

/** True when the executor can act on this drift at all. */
export function canHandle(executor: Executor, record: DriftRecord): boolean {
  switch (executor) {
    case 'notify-only':
      return true;
    case 'revert-tags':
      return record.provider === 'aws' && isTagOnlyChange(record);
    case 'scale-replicas':
      return record.provider === 'kubernetes' && record.kind === 'changed' && record.category === 'Scaling';
    case 'kubernetes-patch':
      return record.provider === 'kubernetes' && record.kind === 'changed';
    case 'terraform-pipeline':
      return record.kind !== 'unmanaged' && record.address !== null;
  }
}

/**
 * The configured executor when it can handle the drift; `notify-only` (the default) never acts.
 * Any other configured executor opts in to acting, and a drift it cannot handle falls back to the
 * executor the drift calls for (a tag-only change under `scale-replicas` becomes `revert-tags`).
 */
export function chooseExecutor(record: DriftRecord, configured: Executor): Executor {
  if (configured === 'notify-only') return 'notify-only';
  if (canHandle(configured, record)) return configured;
  return executorForDrift(record);
}
