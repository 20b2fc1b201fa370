import { describe, expect, it } from 'vitest';
import { awsSecurityGroupRule } from '../../../../lib/mappings/aws/security-group-rule.ts';
import {
  awsVpcSecurityGroupEgressRule,
  awsVpcSecurityGroupIngressRule,
} from '../../../../lib/mappings/aws/vpc-security-group-rule.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

const item = fixture<Record<string, unknown>>('security-group.config.json');
const live = liveFromConfigItem(item as never);

describe('aws_security_group_rule (facet of the group)', () => {
  const res = stateResource(fixture('security-group-rule.state.json') as never);

  it('identity is the group; a rule present in the group is clean', () => {
    expect(awsSecurityGroupRule.identities(res)).toEqual(['sg-0aaaabbbbccccdddd']);
    expect(awsSecurityGroupRule.role).toBe('facet');
    expect(diff(awsSecurityGroupRule, res, live)).toEqual([]);
  });

  it('a rule revoked live is reported on its source field', () => {
    const drifted = withPath(item, 'configuration.ipPermissions.2.ipv4Ranges', [{ cidrIp: '10.30.0.0/16' }]);
    const noLegacy = withPath(drifted, 'configuration.ipPermissions.2.ipRanges', ['10.30.0.0/16']);
    expect(diff(awsSecurityGroupRule, res, liveFromConfigItem(noLegacy as never))).toEqual([
      { path: 'cidr_blocks', desired: ['10.20.0.0/16'], actual: null },
    ]);
  });

  it('a changed description is reported', () => {
    const drifted = withPath(
      item,
      'configuration.ipPermissions.2.ipv4Ranges.1.description',
      'edited by hand',
    );
    expect(diff(awsSecurityGroupRule, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'description', desired: 'https from vpcs', actual: 'edited by hand' },
    ]);
  });
});

describe('aws_vpc_security_group_ingress_rule (facet of the group)', () => {
  const res = stateResource(fixture('vpc-security-group-ingress-rule.state.json') as never);

  it('a referenced-group rule present live is clean; removed, it is reported', () => {
    expect(awsVpcSecurityGroupIngressRule.scope?.(res)).toBe('aws:123456789012:eu-west-1');
    expect(diff(awsVpcSecurityGroupIngressRule, res, live)).toEqual([]);
    const drifted = withPath(item, 'configuration.ipPermissions.0.userIdGroupPairs', []);
    expect(diff(awsVpcSecurityGroupIngressRule, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'referenced_security_group_id', desired: 'sg-0b1c2d3e4f5a6b7c8', actual: null },
    ]);
  });
});

describe('aws_vpc_security_group_egress_rule (facet of the group)', () => {
  const res = stateResource({
    mode: 'managed',
    type: 'aws_vpc_security_group_egress_rule',
    name: 'all',
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        attributes: {
          id: 'sgr-0a0a0a0a0a0a0a0a0',
          security_group_id: 'sg-0aaaabbbbccccdddd',
          ip_protocol: '-1',
          from_port: null,
          to_port: null,
          cidr_ipv4: '0.0.0.0/0',
          cidr_ipv6: null,
          description: null,
        },
      },
    ],
  });

  it('all-traffic egress to 0.0.0.0/0 is present; an ingress rule would not satisfy it', () => {
    expect(diff(awsVpcSecurityGroupEgressRule, res, live)).toEqual([]);
    expect(diff(awsVpcSecurityGroupIngressRule, res, live)).toEqual([
      { path: 'cidr_ipv4', desired: '0.0.0.0/0', actual: null },
    ]);
  });
});
