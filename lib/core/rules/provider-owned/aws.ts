import { field, str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

const cfg = (l: { attributes: Record<string, unknown> | null }) => l.attributes ?? {};

/** AWS-owned objects: managed keys and aliases, service-linked roles, default VPC plumbing. */
export const awsOwnedRules: readonly ProviderOwnedRule[] = [
  {
    name: 'aws-managed-kms-key',
    provider: 'aws',
    owns: (l) => l.nativeType === 'AWS::KMS::Key' && str(cfg(l), 'keyManager') === 'AWS',
  },
  {
    name: 'aws-managed-kms-alias',
    provider: 'aws',
    owns: (l) =>
      l.nativeType === 'AWS::KMS::Alias' &&
      [l.name, l.id, ...l.ids].some((x) => x?.includes('alias/aws/') ?? false),
  },
  {
    name: 'aws-service-linked-role',
    provider: 'aws',
    owns: (l) =>
      l.nativeType === 'AWS::IAM::Role' &&
      (str(cfg(l), 'path')?.startsWith('/aws-service-role/') === true ||
        l.id.includes(':role/aws-service-role/')),
  },
  {
    name: 'aws-managed-policy',
    provider: 'aws',
    owns: (l) => l.nativeType === 'AWS::IAM::Policy' && l.id.startsWith('arn:aws:iam::aws:policy/'),
  },
  {
    name: 'aws-default-vpc',
    provider: 'aws',
    owns: (l) => l.nativeType === 'AWS::EC2::VPC' && field(cfg(l), 'isDefault') === true,
  },
  {
    name: 'aws-default-subnet',
    provider: 'aws',
    owns: (l) => l.nativeType === 'AWS::EC2::Subnet' && field(cfg(l), 'defaultForAz') === true,
  },
  {
    // Every VPC gets a security group named "default" that cannot be deleted.
    name: 'aws-default-security-group',
    provider: 'aws',
    owns: (l) => l.nativeType === 'AWS::EC2::SecurityGroup' && str(cfg(l), 'groupName') === 'default',
  },
  {
    name: 'aws-default-network-acl',
    provider: 'aws',
    owns: (l) => l.nativeType === 'AWS::EC2::NetworkAcl' && field(cfg(l), 'isDefault') === true,
  },
  {
    // The main route table comes with the VPC; other tables of a default VPC are plumbing too.
    name: 'aws-main-or-default-vpc-route-table',
    provider: 'aws',
    owns: (l, ctx) => {
      if (l.nativeType !== 'AWS::EC2::RouteTable') return false;
      const assoc = field(cfg(l), 'associations');
      const main = Array.isArray(assoc) && assoc.some((a) => field(a, 'main') === true);
      return main || ctx.defaultVpcIds.has(str(cfg(l), 'vpcId') ?? '');
    },
  },
  {
    name: 'aws-default-vpc-internet-gateway',
    provider: 'aws',
    owns: (l, ctx) => {
      if (l.nativeType !== 'AWS::EC2::InternetGateway') return false;
      const att = field(cfg(l), 'attachments');
      return Array.isArray(att) && att.some((a) => ctx.defaultVpcIds.has(str(a, 'vpcId') ?? ''));
    },
  },
  {
    // ENIs that services create for themselves (Lambda, NAT gateways, endpoints, load balancers).
    name: 'aws-requester-managed-eni',
    provider: 'aws',
    owns: (l) => {
      if (l.nativeType !== 'AWS::EC2::NetworkInterface') return false;
      const c = cfg(l);
      const type = str(c, 'interfaceType');
      return field(c, 'requesterManaged') === true || (type !== undefined && type !== 'interface');
    },
  },
];
