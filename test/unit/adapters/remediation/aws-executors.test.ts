import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import {
  ResourceGroupsTaggingAPIClient,
  TagResourcesCommand,
  UntagResourcesCommand,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NotifyOnlyExecutor } from '../../../../lib/adapters/remediation/notify-only/index.ts';
import { RevertTagsExecutor } from '../../../../lib/adapters/remediation/revert-tags/index.ts';
import { TerraformPipelineExecutor } from '../../../../lib/adapters/remediation/terraform-pipeline/index.ts';
import { remediationFor } from '../../../../lib/core/remediation/index.ts';
import { config, record } from '../../core/remediation/fixtures.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const creds = { accessKeyId: 'x', secretAccessKey: 'y' };
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const codebuild = mockClient(CodeBuildClient);
afterAll(() => {
  tagging.restore();
  codebuild.restore();
});
beforeEach(() => {
  tagging.reset();
  codebuild.reset();
});

const r = record({
  resourceId: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc',
  address: 'aws_instance.web',
});
const input = (dryRun: boolean) => ({ record: r, remediation: remediationFor('rem-1', r, config()), dryRun });

describe('RevertTagsExecutor', () => {
  const regions: string[] = [];
  const exec = new RevertTagsExecutor((region) => {
    regions.push(region);
    return new ResourceGroupsTaggingAPIClient({ region, credentials: creds });
  });

  it('dry run: says what it would tag and calls nothing', async () => {
    expect(await exec.execute(input(true))).toEqual([
      { action: 'tag-resources', resource: r.resourceId, description: 'set tags env', applied: false },
      { action: 'untag-resources', resource: r.resourceId, description: 'remove tags temp', applied: false },
    ]);
    expect(tagging.calls()).toHaveLength(0);
  });

  it('live: TagResources + UntagResources in the ARN region', async () => {
    tagging.on(TagResourcesCommand).resolves({ FailedResourcesMap: {} });
    tagging.on(UntagResourcesCommand).resolves({ FailedResourcesMap: {} });
    const actions = await exec.execute(input(false));
    expect(actions.map((a) => a.applied)).toEqual([true, true]);
    expect(tagging.commandCalls(TagResourcesCommand)[0]?.args[0].input).toEqual({
      ResourceARNList: [r.resourceId],
      Tags: { env: 'prod' },
    });
    expect(tagging.commandCalls(UntagResourcesCommand)[0]?.args[0].input).toEqual({
      ResourceARNList: [r.resourceId],
      TagKeys: ['temp'],
    });
    expect(regions.at(-1)).toBe('eu-west-1');
  });

  it('fails on a per-resource failure the API reports with 200', async () => {
    tagging.on(TagResourcesCommand).resolves({
      FailedResourcesMap: {
        [r.resourceId]: {
          StatusCode: 403,
          ErrorCode: 'InvalidParameterException',
          ErrorMessage: 'You are not authorized to tag this resource',
        },
      },
    });
    await expect(exec.execute(input(false))).rejects.toThrow(
      `${r.resourceId}: InvalidParameterException: You are not authorized to tag this resource`,
    );
  });
});

describe('TerraformPipelineExecutor', () => {
  it('starts the CodeBuild project with target, address and remediation id', async () => {
    codebuild.on(StartBuildCommand).resolves({
      build: {
        id: 'driftwatch-apply:8c2b4f0e-1f6d-4a53-9a8e-0d7c3b1e2f40',
        buildStatus: 'IN_PROGRESS',
        projectName: 'driftwatch-apply',
      },
    });
    const exec = new TerraformPipelineExecutor({
      projectName: 'driftwatch-apply',
      client: new CodeBuildClient({ region: 'eu-west-1', credentials: creds }),
    });
    expect(await exec.execute(input(false))).toEqual([
      {
        action: 'start-build',
        resource: 'aws_instance.web',
        description:
          'started build driftwatch-apply:8c2b4f0e-1f6d-4a53-9a8e-0d7c3b1e2f40 of driftwatch-apply for aws_instance.web',
        applied: true,
      },
    ]);
    expect(codebuild.commandCalls(StartBuildCommand)[0]?.args[0].input).toEqual({
      projectName: 'driftwatch-apply',
      environmentVariablesOverride: [
        { name: 'DRIFTWATCH_TARGET', value: 'prod-eu', type: 'PLAINTEXT' },
        { name: 'DRIFTWATCH_ADDRESS', value: 'aws_instance.web', type: 'PLAINTEXT' },
        { name: 'DRIFTWATCH_REMEDIATION_ID', value: 'rem-1', type: 'PLAINTEXT' },
      ],
    });
  });

  it('refuses without a project, and dry-runs without calling', async () => {
    await expect(
      new TerraformPipelineExecutor({ projectName: undefined }).execute(input(true)),
    ).rejects.toThrow('rem-1: REMEDIATION_CODEBUILD_PROJECT is not set');
    const dry = await new TerraformPipelineExecutor({
      projectName: 'p',
      client: new CodeBuildClient({ region: 'eu-west-1', credentials: creds }),
    }).execute(input(true));
    expect(dry[0]).toMatchObject({ action: 'start-build', applied: false });
    expect(codebuild.calls()).toHaveLength(0);
  });
});

describe('NotifyOnlyExecutor', () => {
  it('changes nothing and says so', async () => {
    expect(await new NotifyOnlyExecutor().execute(input(true))).toEqual([
      {
        action: 'notify',
        resource: 'aws_instance.web',
        description: 'owners of prod-eu are notified through the remediation events',
        applied: false,
      },
    ]);
  });
});
