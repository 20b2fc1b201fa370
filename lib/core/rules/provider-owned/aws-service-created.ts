import { field, str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

const cfg = (l: { attributes: Record<string, unknown> | null }) => l.attributes ?? {};

// `aws:` tags are reserved: only AWS services write them, on what those services launched themselves
// (Auto Scaling and Spot/EC2 Fleet instances, the EKS cluster security group). The parent (group,
// fleet, cluster) is what Terraform declares. `aws:ec2launchtemplate:*` and `aws:cloudformation:*`
// are deliberately absent: a person can launch from a template, and CloudFormation stacks are IaC.
export const SERVICE_TAGS = [
  'aws:autoscaling:groupName',
  'aws:ec2spot:fleet-request-id',
  'aws:ec2:fleet-id',
  'aws:eks:cluster-name',
  'aws:dlm:lifecycle-policy-id',
];

// Tags Kubernetes controllers write on what they create for a Service, Ingress or PVC (in-tree cloud
// provider, AWS Load Balancer Controller, EBS CSI driver). `kubernetes.io/cluster/<name>` alone is not
// enough: people tag their own subnets with it.
const K8S_CONTROLLER_TAGS = [
  'kubernetes.io/service-name',
  'kubernetes.io/created-for/pvc/name',
  'elbv2.k8s.aws/cluster',
  'ebs.csi.aws.com/cluster',
  'service.k8s.aws/stack',
  'ingress.k8s.aws/stack',
];

/** True when an AWS service tagged this object as launched by itself. */
export function isServiceLaunched(l: { tags: Record<string, string> | null }): boolean {
  return l.tags !== null && SERVICE_TAGS.some((t) => l.tags![t] !== undefined);
}

/** AWS objects created by a service on behalf of a declared parent. */
export const awsServiceCreatedRules: readonly ProviderOwnedRule[] = [
  {
    // The default VPC comes with its own DHCP option set (domain-name <region>.compute.internal).
    name: 'aws-default-vpc-dhcp-options',
    provider: 'aws',
    owns: (l, ctx) => {
      if (l.nativeType !== 'AWS::EC2::DHCPOptions' || !ctx.defaultDhcpOptionsIds) return false;
      const ids = [str(cfg(l), 'dhcpOptionsId'), l.id, ...l.ids];
      return ids.some((id) => id !== undefined && ctx.defaultDhcpOptionsIds!.has(id));
    },
  },
  {
    name: 'aws-service-launched',
    provider: 'aws',
    owns: isServiceLaunched,
  },
  {
    // The root volume and primary ENI of such an instance are the instance's, hence the service's.
    name: 'aws-service-launched-instance-parts',
    provider: 'aws',
    owns: (l, ctx) => {
      const ids = ctx.serviceInstanceIds;
      if (!ids || ids.size === 0) return false;
      if (l.nativeType === 'AWS::EC2::Volume') {
        const att = field(cfg(l), 'attachments');
        return Array.isArray(att) && att.length > 0 && att.every((a) => ids.has(str(a, 'instanceId') ?? ''));
      }
      return (
        l.nativeType === 'AWS::EC2::NetworkInterface' &&
        ids.has(str(cfg(l), 'attachment', 'instanceId') ?? '')
      );
    },
  },
  {
    // IAM Identity Center writes AWSReservedSSO_* roles under /aws-reserved/ for each permission set.
    name: 'aws-sso-reserved-role',
    provider: 'aws',
    owns: (l) =>
      l.nativeType === 'AWS::IAM::Role' &&
      (str(cfg(l), 'path')?.startsWith('/aws-reserved/') === true || l.id.includes(':role/aws-reserved/')),
  },
  {
    name: 'aws-kubernetes-controller-created',
    provider: 'aws',
    owns: (l) => l.tags !== null && K8S_CONTROLLER_TAGS.some((t) => l.tags![t] !== undefined),
  },
  {
    // RDS takes automated snapshots itself and deletes them after the retention period.
    name: 'aws-automated-snapshot',
    provider: 'aws',
    owns: (l) =>
      (l.nativeType === 'AWS::RDS::DBSnapshot' || l.nativeType === 'AWS::RDS::DBClusterSnapshot') &&
      field(cfg(l), 'snapshotType') === 'automated',
  },
];
