import { describe, expect, it } from 'vitest';
import { awsSecurityGroup } from '../../../../lib/mappings/aws/security-group.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

const item = fixture<Record<string, unknown>>('security-group.config.json');
const res = stateResource(fixture('security-group.state.json') as never);

describe('aws_security_group', () => {
  it('clean: grouped vs split CIDRs, self vs own group id, "6" vs tcp, IPv6 spelling, ipRanges + ipv4Ranges', () => {
    expect(diff(awsSecurityGroup, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports an SSH rule opened to the world as one ingress set change', () => {
    const perms = (item.configuration as { ipPermissions: unknown[] }).ipPermissions;
    const open = {
      fromPort: 22,
      ipProtocol: 'tcp',
      ipv6Ranges: [],
      prefixListIds: [],
      toPort: 22,
      userIdGroupPairs: [],
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
      ipRanges: ['0.0.0.0/0'],
    };
    const drifted = withPath(item, 'configuration.ipPermissions', [...perms, open]);
    const changes = diff(awsSecurityGroup, res, liveFromConfigItem(drifted as never));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.path).toBe('ingress');
    const actual = changes[0]?.actual as unknown[];
    const desired = changes[0]?.desired as unknown[];
    expect(actual.length - desired.length).toBe(1);
    expect(actual).toContainEqual({
      protocol: 'tcp',
      from_port: 22,
      to_port: 22,
      cidr_blocks: ['0.0.0.0/0'],
    });
  });

  it('reports a revoked egress rule', () => {
    const drifted = withPath(item, 'configuration.ipPermissionsEgress', []);
    expect(diff(awsSecurityGroup, res, liveFromConfigItem(drifted as never))).toEqual([
      {
        path: 'egress',
        desired: [
          { cidr_blocks: ['0.0.0.0/0'], protocol: '-1' },
          { ipv6_cidr_blocks: ['::/0'], protocol: '-1' },
        ],
        actual: null,
      },
    ]);
  });
});
