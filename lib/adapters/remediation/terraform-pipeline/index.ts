import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import { RemediationError } from '../../../core/remediation/errors.ts';
import type { ExecutorInput, RemediationExecutor } from '../../../core/remediation/executor.ts';
import type { ExecutionAction } from '../../../core/remediation/plan-schema.ts';

export interface TerraformPipelineOptions {
  /** CodeBuild project that runs `terraform apply` (env REMEDIATION_CODEBUILD_PROJECT). */
  projectName: string | undefined;
  client?: CodeBuildClient;
}

/**
 * Starts the Terraform pipeline (CodeBuild StartBuild) with the target and address as
 * environment variables, so it applies the code for that one resource (`-target=<address>`).
 */
export class TerraformPipelineExecutor implements RemediationExecutor {
  readonly name = 'terraform-pipeline' as const;
  private readonly client: CodeBuildClient;

  constructor(private readonly opts: TerraformPipelineOptions) {
    this.client = opts.client ?? new CodeBuildClient({});
  }

  async execute({ record, remediation, dryRun }: ExecutorInput): Promise<ExecutionAction[]> {
    if (!record.address)
      throw new RemediationError('terraform-pipeline needs a Terraform address', record.id);
    const project = this.opts.projectName;
    if (!project)
      throw new RemediationError('REMEDIATION_CODEBUILD_PROJECT is not set', remediation.remediationId);
    const env = [
      { name: 'DRIFTWATCH_TARGET', value: record.target, type: 'PLAINTEXT' as const },
      { name: 'DRIFTWATCH_ADDRESS', value: record.address, type: 'PLAINTEXT' as const },
      { name: 'DRIFTWATCH_REMEDIATION_ID', value: remediation.remediationId, type: 'PLAINTEXT' as const },
    ];
    let description = `start ${project} for ${record.address}`;
    if (!dryRun) {
      const out = await this.client.send(
        new StartBuildCommand({ projectName: project, environmentVariablesOverride: env }),
      );
      description = `started build ${out.build?.id ?? '(unknown)'} of ${project} for ${record.address}`;
    }
    return [{ action: 'start-build', resource: record.address, description, applied: !dryRun }];
  }
}
