import type { ResourceMapping } from '../../core/mapping/types.ts';
import { cidrNormalizer } from '../../core/normalize/aws/cidr.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, tagsRule } from './common.ts';

/**
 * aws_vpc ↔ AWS::EC2::VPC (resourceId `vpc-…`). Config does not record the DNS attributes
 * (enableDnsSupport/enableDnsHostnames come from DescribeVpcAttribute): compared only when present.
 */
export const awsVpc: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_vpc'],
  nativeTypes: ['AWS::EC2::VPC'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id),
  scope: (res) => awsScope(res),
  children: (res) =>
    identitiesFrom(
      attr(res, 'default_security_group_id'),
      attr(res, 'default_network_acl_id'),
      attr(res, 'default_route_table_id'),
      attr(res, 'main_route_table_id'),
      attr(res, 'dhcp_options_id'),
    ),
  attributes: [
    tagsRule,
    { path: 'cidr_block', actual: conf('cidrBlock'), normalize: [cidrNormalizer] },
    { path: 'instance_tenancy', actual: conf('instanceTenancy') },
    { path: 'enable_dns_support', actual: confIfRecorded('enableDnsSupport') },
    { path: 'enable_dns_hostnames', actual: confIfRecorded('enableDnsHostnames') },
  ],
};
