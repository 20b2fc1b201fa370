import type { ResourceMapping } from '../../core/mapping/types.ts';
import { cidrNormalizer } from '../../core/normalize/aws/cidr.ts';
import { attr, awsScope, conf, identitiesFrom, tagsRule } from './common.ts';

/** aws_subnet ↔ AWS::EC2::Subnet (resourceId `subnet-…`). */
export const awsSubnet: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_subnet'],
  nativeTypes: ['AWS::EC2::Subnet'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'cidr_block', actual: conf('cidrBlock'), normalize: [cidrNormalizer] },
    { path: 'availability_zone', actual: conf('availabilityZone') },
    { path: 'vpc_id', actual: conf('vpcId') },
    { path: 'map_public_ip_on_launch', actual: conf('mapPublicIpOnLaunch') },
    { path: 'assign_ipv6_address_on_creation', actual: conf('assignIpv6AddressOnCreation') },
  ],
};
