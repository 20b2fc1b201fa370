import { describe, expect, it } from 'vitest';
import { awsCloudwatchLogGroup } from '../../../../lib/mappings/aws/cloudwatch-log-group.ts';
import { awsKmsKey } from '../../../../lib/mappings/aws/kms-key.ts';
import { awsSnsTopic } from '../../../../lib/mappings/aws/sns-topic.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

describe('aws_sns_topic', () => {
  const item = fixture('sns-topic.config.json');
  const res = stateResource(fixture('sns-topic.state.json') as never);

  it('clean: policy with reordered actions and list-valued condition', () => {
    expect(awsSnsTopic.identities(res)).toEqual(['arn:aws:sns:eu-west-1:123456789012:alerts']);
    expect(diff(awsSnsTopic, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports encryption removed', () => {
    const drifted = withPath(item, 'configuration.KmsMasterKeyId', null);
    expect(diff(awsSnsTopic, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'kms_master_key_id', desired: 'alias/aws/sns', actual: null },
    ]);
  });
});

describe('aws_kms_key', () => {
  const item = fixture('kms-key.config.json');
  const res = stateResource(fixture('kms-key.state.json') as never);

  it('clean, then rotation switched off and the key disabled', () => {
    expect(awsKmsKey.identities(res)[1]).toBe('0f3c2a4e-8d1b-4c5e-9f7a-2b6d8e1c3a5f');
    expect(diff(awsKmsKey, res, liveFromConfigItem(item as never))).toEqual([]);
    let drifted = withPath(item, 'supplementaryConfiguration.KeyRotationStatus', 'false');
    drifted = withPath(drifted, 'configuration.enabled', false);
    expect(diff(awsKmsKey, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'is_enabled', desired: true, actual: false },
      { path: 'enable_key_rotation', desired: true, actual: false },
    ]);
  });
});

describe('aws_cloudwatch_log_group', () => {
  const item = fixture('cloudwatch-log-group.config.json');
  const res = stateResource(fixture('cloudwatch-log-group.state.json') as never);

  it('identities cover the ARN with and without ":*" and the name', () => {
    expect(awsCloudwatchLogGroup.identities(res)).toEqual([
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders-handler',
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders-handler:*',
      '/aws/lambda/orders-handler',
    ]);
  });

  it('clean, then retention removed (never expire)', () => {
    expect(diff(awsCloudwatchLogGroup, res, liveFromConfigItem(item as never))).toEqual([]);
    const drifted = withPath(item, 'configuration.retentionInDays', undefined);
    expect(diff(awsCloudwatchLogGroup, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'retention_in_days', desired: 30, actual: 'never' },
    ]);
  });

  it('retention 0 in Terraform equals no retention live', () => {
    const never = withPath(res, 'attributes.retention_in_days', 0);
    const drifted = withPath(item, 'configuration.retentionInDays', undefined);
    expect(diff(awsCloudwatchLogGroup, never, liveFromConfigItem(drifted as never))).toEqual([]);
  });
});
