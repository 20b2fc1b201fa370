import type { RecordingGroup } from '@aws-sdk/client-config-service';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../../../lib/adapters/inventory/aws/failure.ts';
import { coverageFromRecorders, roleArnFor } from '../../../../../lib/adapters/inventory/aws/index.ts';
import { mergeEvidence } from '../../../../../lib/adapters/inventory/aws/scope-result.ts';

const SCOPE = 'aws:111111111111:eu-west-1';
const group = (types: string[]): RecordingGroup => ({
  allSupported: false,
  resourceTypes: types as RecordingGroup['resourceTypes'],
  recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' as const },
});

describe('coverageFromRecorders', () => {
  it('ignores service-linked recorders: alone they mean Config is not recording for us', () => {
    const v = coverageFromRecorders(
      [
        {
          name: 'AWSConfigurationRecorderForSecurityHub',
          recordingScope: 'INTERNAL',
          servicePrincipal: 'securityhub.amazonaws.com',
          recordingGroup: group(['AWS::EC2::Instance']),
        },
      ],
      [{ name: 'AWSConfigurationRecorderForSecurityHub', recording: true, lastStatus: 'Success' }],
      SCOPE,
    );
    expect(v).toEqual({
      recording: false,
      reason: `AWS Config is not recording in ${SCOPE} (no configuration recorder)`,
    });
  });

  it('treats a recorder whose last recording failed as not recording', () => {
    const v = coverageFromRecorders(
      [{ name: 'default', recordingGroup: group(['AWS::S3::Bucket']) }],
      [{ name: 'default', recording: true, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' }],
      SCOPE,
    );
    expect(v).toEqual({
      recording: false,
      reason: `AWS Config is not recording in ${SCOPE} (recorder default last status Failure: AccessDenied)`,
    });
  });

  it('splits an inclusion list into regional and global (IAM) types', () => {
    const v = coverageFromRecorders(
      [{ name: 'default', recordingGroup: group(['AWS::S3::Bucket', 'AWS::IAM::Role']) }],
      [{ name: 'default', recording: true, lastStatus: 'Success' }],
      SCOPE,
    );
    expect(v).toEqual({ recording: true, regional: ['AWS::S3::Bucket'], global: ['AWS::IAM::Role'] });
  });

  it('leaves IAM out of all-supported recording unless includeGlobalResourceTypes is set', () => {
    const v = coverageFromRecorders(
      [{ name: 'default', recordingGroup: { allSupported: true, includeGlobalResourceTypes: false } }],
      [{ name: 'default', recording: true }],
      SCOPE,
    );
    expect(v.recording && v.global).toEqual([]);
  });
});

describe('helpers', () => {
  it('builds role ARNs in the partition of the region', () => {
    expect(
      roleArnFor(
        { roleName: 'R', sessionName: 'driftwatch', durationSeconds: 3600 },
        '111111111111',
        'cn-north-1',
      ),
    ).toBe('arn:aws-cn:iam::111111111111:role/R');
    expect(
      roleArnFor(
        { roleName: 'R', sessionName: 'driftwatch', durationSeconds: 3600 },
        '111111111111',
        'us-gov-west-1',
      ),
    ).toBe('arn:aws-us-gov:iam::111111111111:role/R');
  });

  it('describes a failure in one line with the attempts', () => {
    const err = Object.assign(new Error('Rate exceeded\nsecond line'), {
      name: 'ThrottlingException',
      $metadata: { attempts: 5 },
    });
    expect(describeFailure('config:SelectResourceConfig in x', err)).toBe(
      'config:SelectResourceConfig in x failed: ThrottlingException: Rate exceeded (after 5 attempts)',
    );
  });

  it('merges evidence of one scope: types united, incomplete wins with its reason', () => {
    expect(
      mergeEvidence([
        { provider: 'aws', scope: SCOPE, nativeTypes: ['B'], complete: true, source: 'aws-config' },
        {
          provider: 'aws',
          scope: SCOPE,
          nativeTypes: ['A'],
          complete: false,
          reason: 'cc failed',
          source: 'cloudcontrol',
        },
      ]),
    ).toEqual([
      {
        provider: 'aws',
        scope: SCOPE,
        nativeTypes: ['A', 'B'],
        complete: false,
        reason: 'cc failed',
        source: 'aws-config+cloudcontrol',
      },
    ]);
  });
});
