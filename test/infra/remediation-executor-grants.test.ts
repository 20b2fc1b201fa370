import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { exampleConfig, nagFindings, synthApp } from './synth.ts';

// Write permissions follow the configured executor and exist only when it really acts.
describe('remediation executor grants', () => {
  it('a dry-run deployment grants the execute Lambda no write action', () => {
    const { templates } = synthApp(exampleConfig(), { dashboard: false });
    const json = JSON.stringify(templates.remediation.toJSON());
    expect(json).not.toContain('tag:TagResources');
    expect(json).not.toContain('codebuild:StartBuild');
  });

  it('terraform-pipeline (dryRun false) may start only the named CodeBuild project, named in its env', () => {
    const base = exampleConfig();
    const config = {
      ...base,
      remediation: {
        ...base.remediation,
        enabled: true,
        dryRun: false,
        executor: 'terraform-pipeline' as const,
        pipelineProject: 'tf-apply-prod',
      },
    };
    const { stacks, templates } = synthApp(config, { dashboard: false });
    templates.remediation.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'codebuild:StartBuild',
            Resource: {
              'Fn::Join': [
                '',
                Match.arrayWith([
                  Match.stringLikeRegexp(':codebuild:'),
                  Match.stringLikeRegexp(':project/tf-apply-prod$'),
                ]),
              ],
            },
          }),
        ]),
      },
    });
    templates.remediation.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REMEDIATION_CODEBUILD_PROJECT: 'tf-apply-prod' }) },
    });
    expect(nagFindings(stacks.remediation)).toEqual([]);
  });

  it('revert-tags (dryRun false) gets the tagging API, acknowledged for cdk-nag with its reason', () => {
    const base = exampleConfig();
    const config = {
      ...base,
      remediation: { ...base.remediation, enabled: true, dryRun: false, executor: 'revert-tags' as const },
    };
    const { stacks, templates } = synthApp(config, { dashboard: false });
    templates.remediation.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['tag:GetResources', 'tag:TagResources', 'tag:UntagResources']),
            Resource: '*',
          }),
        ]),
      },
    });
    expect(nagFindings(stacks.remediation)).toEqual([]);
  });
});
