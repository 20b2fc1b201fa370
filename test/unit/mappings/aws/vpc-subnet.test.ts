import { describe, expect, it } from 'vitest';
import { awsSubnet } from '../../../../lib/mappings/aws/subnet.ts';
import { awsVpc } from '../../../../lib/mappings/aws/vpc.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

describe('aws_vpc', () => {
  const item = fixture('vpc.config.json');
  const res = stateResource(fixture('vpc.state.json') as never);

  it('children are the default SG, NACL, route tables and DHCP options', () => {
    expect(awsVpc.children?.(res)).toEqual([
      'sg-0d1e2f3a4b5c6d7e8',
      'acl-0a9b8c7d6e5f4a3b2',
      'rtb-0f0e0d0c0b0a09080',
      'dopt-0123abcd',
    ]);
  });

  it('clean (DNS flags are not recorded by Config, so not compared)', () => {
    expect(diff(awsVpc, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports tenancy and an added tag', () => {
    let drifted = withPath(item, 'configuration.instanceTenancy', 'dedicated');
    drifted = withPath(drifted, 'tags', { Name: 'main', env: 'prod', owner: 'someone' });
    expect(diff(awsVpc, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'tags.owner', desired: null, actual: 'someone' },
      { path: 'instance_tenancy', desired: 'default', actual: 'dedicated' },
    ]);
  });
});

describe('aws_subnet', () => {
  const item = fixture('subnet.config.json');
  const res = stateResource(fixture('subnet.state.json') as never);

  it('clean, then map_public_ip_on_launch switched on', () => {
    expect(awsSubnet.identities(res)[1]).toBe('subnet-0123456789abcdef0');
    expect(diff(awsSubnet, res, liveFromConfigItem(item as never))).toEqual([]);
    const drifted = withPath(item, 'configuration.mapPublicIpOnLaunch', true);
    expect(diff(awsSubnet, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'map_public_ip_on_launch', desired: false, actual: true },
    ]);
  });
});
