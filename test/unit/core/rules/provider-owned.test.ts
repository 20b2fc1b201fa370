import { describe, expect, it } from 'vitest';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import { ownershipContext, providerOwner } from '../../../../lib/core/rules/provider-owned/index.ts';
import { liveRes } from '../../../helpers/builders.ts';

const k8s = (
  apiVersion: string,
  kind: string,
  metadata: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): LiveResource =>
  liveRes({
    provider: 'kubernetes',
    nativeType: `${apiVersion}/${kind}`,
    id: `${metadata.namespace ?? ''}/${metadata.name}`,
    scope: 'kubernetes:default',
    attributes: { apiVersion, kind, metadata, ...extra },
    tags: (metadata.labels as Record<string, string>) ?? {},
  });

const owner = (l: LiveResource, all: LiveResource[] = [l]) => providerOwner(l, ownershipContext(all));

describe('provider-owned rules', () => {
  it.each([
    [
      'aws-managed-kms-key',
      liveRes({ nativeType: 'AWS::KMS::Key', id: 'k', attributes: { keyManager: 'AWS' } }),
    ],
    [
      'aws-managed-kms-alias',
      liveRes({ nativeType: 'AWS::KMS::Alias', id: 'arn:aws:kms:eu-west-1:1:alias/aws/s3' }),
    ],
    [
      'aws-service-linked-role',
      liveRes({
        nativeType: 'AWS::IAM::Role',
        id: 'arn:aws:iam::1:role/aws-service-role/x',
        attributes: { path: '/aws-service-role/ecs.amazonaws.com/' },
      }),
    ],
    [
      'aws-default-vpc',
      liveRes({ nativeType: 'AWS::EC2::VPC', id: 'vpc-d', attributes: { isDefault: true } }),
    ],
    [
      'aws-default-subnet',
      liveRes({ nativeType: 'AWS::EC2::Subnet', id: 'subnet-d', attributes: { defaultForAz: true } }),
    ],
    [
      'aws-default-security-group',
      liveRes({ nativeType: 'AWS::EC2::SecurityGroup', id: 'sg-1', attributes: { groupName: 'default' } }),
    ],
    [
      'aws-requester-managed-eni',
      liveRes({
        nativeType: 'AWS::EC2::NetworkInterface',
        id: 'eni-1',
        attributes: { requesterManaged: true },
      }),
    ],
    [
      'azure-managed-by',
      liveRes({
        provider: 'azure',
        nativeType: 'Microsoft.Compute/disks',
        id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/osdisk',
        attributes: { managedBy: '/subscriptions/s/.../virtualMachines/vm' },
      }),
    ],
    [
      'gcp-google-managed-service-account',
      liveRes({
        provider: 'gcp',
        nativeType: 'iam.googleapis.com/ServiceAccount',
        id: 'sa',
        attributes: { email: '123-compute@developer.gserviceaccount.com' },
      }),
    ],
    [
      'gcp-scope-container',
      liveRes({
        provider: 'gcp',
        nativeType: 'cloudresourcemanager.googleapis.com/Project',
        id: '//cloudresourcemanager.googleapis.com/projects/481516234200',
      }),
    ],
    ['k8s-system-namespace', k8s('v1', 'ConfigMap', { name: 'coredns', namespace: 'kube-system' })],
    [
      'k8s-owner-references',
      k8s('v1', 'Pod', {
        name: 'web-7d4b9-abcde',
        namespace: 'shop',
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4b9' }],
      }),
    ],
    ['k8s-endpoints', k8s('discovery.k8s.io/v1', 'EndpointSlice', { name: 'web-x', namespace: 'shop' })],
    ['k8s-namespace-defaults', k8s('v1', 'ConfigMap', { name: 'kube-root-ca.crt', namespace: 'shop' })],
    ['k8s-namespace-defaults', k8s('v1', 'ServiceAccount', { name: 'default', namespace: 'shop' })],
    ['k8s-events-and-leases', k8s('events.k8s.io/v1', 'Event', { name: 'e', namespace: 'shop' })],
    ['k8s-events-and-leases', k8s('coordination.k8s.io/v1', 'Lease', { name: 'l', namespace: 'shop' })],
    ['k8s-default-kubernetes-service', k8s('v1', 'Service', { name: 'kubernetes', namespace: 'default' })],
  ])('%s', (rule, live) => {
    expect(owner(live)).toBe(rule);
  });

  it('owns the main route table and default-VPC internet gateway, not user ones', () => {
    const defVpc = liveRes({
      nativeType: 'AWS::EC2::VPC',
      id: 'vpc-d',
      attributes: { vpcId: 'vpc-d', isDefault: true },
    });
    const igw = liveRes({
      nativeType: 'AWS::EC2::InternetGateway',
      id: 'igw-1',
      attributes: { attachments: [{ vpcId: 'vpc-d' }] },
    });
    const userIgw = liveRes({
      nativeType: 'AWS::EC2::InternetGateway',
      id: 'igw-2',
      attributes: { attachments: [{ vpcId: 'vpc-u' }] },
    });
    const main = liveRes({
      nativeType: 'AWS::EC2::RouteTable',
      id: 'rtb-1',
      attributes: { vpcId: 'vpc-u', associations: [{ main: true }] },
    });
    const all = [defVpc, igw, userIgw, main];
    expect(owner(igw, all)).toBe('aws-default-vpc-internet-gateway');
    expect(owner(userIgw, all)).toBeNull();
    expect(owner(main, all)).toBe('aws-main-or-default-vpc-route-table');
  });

  it('leaves ordinary user objects alone', () => {
    expect(owner(k8s('apps/v1', 'Deployment', { name: 'web', namespace: 'shop' }))).toBeNull();
    expect(
      owner(liveRes({ nativeType: 'AWS::KMS::Key', id: 'k', attributes: { keyManager: 'CUSTOMER' } })),
    ).toBeNull();
    expect(
      owner(liveRes({ nativeType: 'AWS::EC2::SecurityGroup', id: 'sg-2', attributes: { groupName: 'web' } })),
    ).toBeNull();
  });
});
