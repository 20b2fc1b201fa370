import { describe, expect, it } from 'vitest';
import { awsInstance } from '../../../../lib/mappings/aws/instance.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

const item = fixture('instance.config.json');
const res = stateResource(fixture('instance.state.json') as never);

describe('aws_instance', () => {
  it('identities, scope and children (root volume, ENI, EBS volumes)', () => {
    expect(awsInstance.identities(res)).toEqual([
      'arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f67890',
      'i-0a1b2c3d4e5f67890',
    ]);
    expect(awsInstance.scope?.(res)).toBe('aws:123456789012:eu-west-1');
    expect(awsInstance.children?.(res)).toEqual([
      'vol-0123456789abcdef1',
      'eni-0f1e2d3c4b5a69788',
      'vol-0fedcba9876543210',
    ]);
  });

  it('clean: SG order, monitoring "disabled" vs false, profile ARN vs name', () => {
    expect(diff(awsInstance, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports instance type, monitoring, a swapped security group and a tag', () => {
    let drifted = withPath(item, 'configuration.instanceType', 't3.xlarge');
    drifted = withPath(drifted, 'configuration.monitoring.state', 'enabled');
    drifted = withPath(drifted, 'configuration.securityGroups.1.groupId', 'sg-0999999999999999a');
    drifted = withPath(drifted, 'tags', { Name: 'web-1', env: 'staging' });
    expect(diff(awsInstance, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'tags.env', desired: 'prod', actual: 'staging' },
      { path: 'instance_type', desired: 't3.medium', actual: 't3.xlarge' },
      { path: 'monitoring', desired: false, actual: true },
      {
        path: 'vpc_security_group_ids',
        desired: ['sg-0aaaabbbbccccdddd', 'sg-0b1c2d3e4f5a6b7c8'],
        actual: ['sg-0999999999999999a', 'sg-0aaaabbbbccccdddd'],
      },
    ]);
  });

  it('clean: monitoring "pending" right after enabling it', () => {
    const enabled = stateResource(fixture('instance.state.json') as never, {
      ...res.attributes,
      monitoring: true,
    });
    const live = liveFromConfigItem(withPath(item, 'configuration.monitoring.state', 'pending') as never);
    expect(diff(awsInstance, enabled, live)).toEqual([]);
  });

  it('reports monitoring being disabled and a raised metadata hop limit', () => {
    const enabled = stateResource(fixture('instance.state.json') as never, {
      ...res.attributes,
      monitoring: true,
    });
    let drifted = withPath(item, 'configuration.monitoring.state', 'disabling');
    drifted = withPath(drifted, 'configuration.metadataOptions.httpPutResponseHopLimit', 2);
    expect(diff(awsInstance, enabled, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'monitoring', desired: true, actual: false },
      { path: 'metadata_options.0.http_put_response_hop_limit', desired: 1, actual: 2 },
    ]);
  });

  it('reports the root volume set to survive termination; no mapping for the root device says nothing', () => {
    const drifted = withPath(item, 'configuration.blockDeviceMappings.0.ebs.deleteOnTermination', false);
    expect(diff(awsInstance, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'root_block_device.0.delete_on_termination', desired: true, actual: false },
    ]);
    const noMappings = withPath(item, 'configuration.blockDeviceMappings', []);
    expect(diff(awsInstance, res, liveFromConfigItem(noMappings as never))).toEqual([]);
  });
});
