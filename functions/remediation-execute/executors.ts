import {
  clientNodePatcher,
  KubernetesPatchExecutor,
  kubeConfigFor,
  ScaleReplicasExecutor,
} from '../../lib/adapters/remediation/kubernetes/index.ts';
import { NotifyOnlyExecutor } from '../../lib/adapters/remediation/notify-only/index.ts';
import { RevertTagsExecutor } from '../../lib/adapters/remediation/revert-tags/index.ts';
import { TerraformPipelineExecutor } from '../../lib/adapters/remediation/terraform-pipeline/index.ts';
import type { ExecutorRegistry } from './execute.ts';

/** Every executor, built from the environment; clients are made only when an executor runs live. */
export function defaultExecutors(env: NodeJS.ProcessEnv): ExecutorRegistry {
  // The drift's scope names its cluster context (kubernetes scopes are contexts).
  const patcherFor = (record: { scope?: string }) =>
    clientNodePatcher(kubeConfigFor(record.scope?.replace(/^kubernetes:/, '')));
  return {
    'notify-only': new NotifyOnlyExecutor(),
    'revert-tags': new RevertTagsExecutor(),
    'scale-replicas': new ScaleReplicasExecutor(patcherFor),
    'kubernetes-patch': new KubernetesPatchExecutor(patcherFor),
    'terraform-pipeline': new TerraformPipelineExecutor({ projectName: env.REMEDIATION_CODEBUILD_PROJECT }),
  };
}
