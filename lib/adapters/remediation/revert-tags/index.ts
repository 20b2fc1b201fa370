import {
  ResourceGroupsTaggingAPIClient,
  TagResourcesCommand,
  UntagResourcesCommand,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { RemediationError } from '../../../core/remediation/errors.ts';
import type { ExecutorInput, RemediationExecutor } from '../../../core/remediation/executor.ts';
import { tagChanges } from '../../../core/remediation/patches.ts';
import type { ExecutionAction } from '../../../core/remediation/plan-schema.ts';

/** The Tagging API client of a region (tests pass one on aws-sdk-client-mock). */
export type TaggingClientFor = (region: string) => ResourceGroupsTaggingAPIClient;

/** The region of an ARN (`arn:aws:s3:::b` has none: the default region). */
function regionOf(arn: string, fallback: string): string {
  return arn.split(':')[3] || fallback;
}

/** Puts an AWS resource's tags back with the Resource Groups Tagging API (TagResources / UntagResources). */
export class RevertTagsExecutor implements RemediationExecutor {
  readonly name = 'revert-tags' as const;

  constructor(
    private readonly clientFor: TaggingClientFor = (region) => new ResourceGroupsTaggingAPIClient({ region }),
    private readonly defaultRegion = process.env.AWS_REGION ?? 'us-east-1',
  ) {}

  async execute({ record, dryRun }: ExecutorInput): Promise<ExecutionAction[]> {
    const arn = record.resourceId;
    if (!arn.startsWith('arn:'))
      throw new RemediationError('revert-tags needs an ARN as resource id', record.id);
    const { set, remove } = tagChanges(record);
    const actions: ExecutionAction[] = [];
    const client = dryRun ? undefined : this.clientFor(regionOf(arn, this.defaultRegion));
    if (Object.keys(set).length) {
      if (client)
        await check(client.send(new TagResourcesCommand({ ResourceARNList: [arn], Tags: set })), arn);
      actions.push({
        action: 'tag-resources',
        resource: arn,
        description: `set tags ${Object.keys(set).sort().join(', ')}`,
        applied: !dryRun,
      });
    }
    if (remove.length) {
      if (client)
        await check(client.send(new UntagResourcesCommand({ ResourceARNList: [arn], TagKeys: remove })), arn);
      actions.push({
        action: 'untag-resources',
        resource: arn,
        description: `remove tags ${remove.sort().join(', ')}`,
        applied: !dryRun,
      });
    }
    return actions;
  }
}

/** Tagging answers 200 with FailedResourcesMap for per-resource failures: those are failures too. */
async function check(
  call: Promise<{ FailedResourcesMap?: Record<string, { ErrorCode?: string; ErrorMessage?: string }> }>,
  arn: string,
): Promise<void> {
  const out = await call;
  const failed = out.FailedResourcesMap?.[arn];
  if (failed)
    throw new RemediationError(`${failed.ErrorCode ?? 'failed'}: ${failed.ErrorMessage ?? ''}`.trim(), arn);
}
