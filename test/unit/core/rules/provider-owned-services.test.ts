import { describe, expect, it } from 'vitest';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import { ownershipContext, providerOwner } from '../../../../lib/core/rules/provider-owned/index.ts';
import { liveRes } from '../../../helpers/builders.ts';

// Second batch: objects services create on the user's behalf, next to user-made look-alikes.
const owner = (l: LiveResource, all: LiveResource[] = [l]) => providerOwner(l, ownershipContext(all));
const gcp = (nativeType: string, name: string, tags = {}): LiveResource =>
  liveRes({ provider: 'gcp', nativeType, id: name, scope: 'gcp:shop-prod', attributes: { name }, tags });
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const VM =
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/shop-rg/providers/Microsoft.Compute/virtualMachines/app-1';

describe('service-created objects', () => {
  const asgInstance = liveRes({
    nativeType: 'AWS::EC2::Instance',
    id: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0asg',
    ids: ['arn:aws:ec2:eu-west-1:123456789012:instance/i-0asg', 'i-0asg'],
    attributes: { instanceId: 'i-0asg' },
    tags: { 'aws:autoscaling:groupName': 'web-asg' },
  });
  const volume = (instanceId: string) =>
    liveRes({
      nativeType: 'AWS::EC2::Volume',
      id: `vol-${instanceId}`,
      attributes: { attachments: [{ instanceId, device: '/dev/xvda', state: 'attached' }] },
    });
  const eni = (instanceId: string) =>
    liveRes({
      nativeType: 'AWS::EC2::NetworkInterface',
      id: `eni-${instanceId}`,
      attributes: {
        interfaceType: 'interface',
        requesterManaged: false,
        attachment: { instanceId, deviceIndex: 0 },
      },
    });

  it('owns volumes and ENIs of instances a service launched, not those of other instances', () => {
    const all = [asgInstance, volume('i-0asg'), eni('i-0asg'), volume('i-0user'), eni('i-0user')];
    expect(all.map((l) => owner(l, all))).toEqual([
      'aws-service-launched',
      'aws-service-launched-instance-parts',
      'aws-service-launched-instance-parts',
      null,
      null,
    ]);
  });

  it.each([
    [
      'aws-sso-reserved-role',
      liveRes({
        nativeType: 'AWS::IAM::Role',
        id: 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b',
        attributes: { path: '/aws-reserved/sso.amazonaws.com/eu-west-1/' },
      }),
    ],
    [
      'azure-tenant-root-management-group',
      liveRes({
        provider: 'azure',
        nativeType: 'microsoft.management/managementgroups',
        id: `/providers/Microsoft.Management/managementGroups/${TENANT}`,
        name: TENANT,
        attributes: { name: TENANT, tenantId: TENANT, properties: { displayName: 'Tenant Root Group' } },
      }),
    ],
    [
      'azure-defender-vm-extension',
      liveRes({
        provider: 'azure',
        nativeType: 'microsoft.compute/virtualmachines/extensions',
        id: `${VM}/extensions/MDE.Linux`,
        name: 'app-1/MDE.Linux',
        attributes: {
          properties: { publisher: 'Microsoft.Azure.AzureDefenderForServers', type: 'MDE.Linux' },
        },
      }),
    ],
    [
      'gcp-scope-container',
      gcp('cloudbilling.googleapis.com/ProjectBillingInfo', 'projects/shop-prod/billingInfo'),
    ],
    [
      'gcp-service-created-topic',
      gcp('pubsub.googleapis.com/Topic', 'projects/shop-prod/topics/container-analysis-occurrences-v1'),
    ],
    ['gcp-service-created-bucket', gcp('storage.googleapis.com/Bucket', 'shop-prod_cloudbuild')],
    [
      'gcp-service-created-bucket',
      gcp('storage.googleapis.com/Bucket', 'eu.artifacts.shop-prod.appspot.com'),
    ],
    [
      'gcp-service-created-bucket',
      gcp('storage.googleapis.com/Bucket', 'gcf-sources-481516234200-europe-west1'),
    ],
    [
      'k8s-cloud-default-resource-quota',
      liveRes({
        provider: 'kubernetes',
        nativeType: 'v1/ResourceQuota',
        id: 'shop/gke-resource-quotas',
        scope: 'kubernetes:default',
        attributes: {
          apiVersion: 'v1',
          kind: 'ResourceQuota',
          metadata: { name: 'gke-resource-quotas', namespace: 'shop' },
        },
      }),
    ],
  ])('%s', (rule, live) => {
    expect(owner(live)).toBe(rule);
  });

  it.each([
    ['kubernetes.io/service-name', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    ['kubernetes.io/created-for/pvc/name', 'AWS::EC2::Volume'],
    ['elbv2.k8s.aws/cluster', 'AWS::EC2::SecurityGroup'],
    ['ebs.csi.aws.com/cluster', 'AWS::EC2::Volume'],
  ])('aws-kubernetes-controller-created (%s)', (tag, nativeType) => {
    const live = liveRes({
      nativeType,
      id: 'x',
      tags: { [tag]: 'shop/web', 'kubernetes.io/cluster/shop': 'owned' },
    });
    expect(owner(live)).toBe('aws-kubernetes-controller-created');
  });

  it('owns a GKE persistent-volume disk by its description', () => {
    const disk = liveRes({
      provider: 'gcp',
      nativeType: 'compute.googleapis.com/Disk',
      id: 'pvc-1',
      scope: 'gcp:shop-prod',
      attributes: {
        name: 'pvc-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
        description:
          '{"kubernetes.io/created-for/pv/name":"pvc-0f1e","kubernetes.io/created-for/pvc/name":"data-db-0","kubernetes.io/created-for/pvc/namespace":"shop","storage.gke.io/created-by":"pd.csi.storage.gke.io"}',
      },
    });
    expect(owner(disk)).toBe('gcp-gke-managed');
  });

  it('leaves user look-alikes alone', () => {
    // A user tags their own subnets `kubernetes.io/cluster/<name>: owned|shared` for load balancers.
    expect(
      owner(
        liveRes({
          nativeType: 'AWS::EC2::Subnet',
          id: 'subnet-1',
          tags: { 'kubernetes.io/cluster/shop': 'owned', 'kubernetes.io/role/elb': '1' },
        }),
      ),
    ).toBeNull();
    expect(
      owner(
        liveRes({
          nativeType: 'AWS::IAM::Role',
          id: 'arn:aws:iam::123456789012:role/app/shop-api',
          attributes: { path: '/app/' },
        }),
      ),
    ).toBeNull();
    expect(
      owner(
        liveRes({
          provider: 'azure',
          nativeType: 'microsoft.management/managementgroups',
          id: '/providers/Microsoft.Management/managementGroups/platform',
          name: 'platform',
          attributes: { name: 'platform', tenantId: TENANT },
        }),
      ),
    ).toBeNull();
    expect(
      owner(
        liveRes({
          provider: 'azure',
          nativeType: 'microsoft.compute/virtualmachines/extensions',
          id: `${VM}/extensions/CustomScript`,
          attributes: { properties: { publisher: 'Microsoft.Azure.Extensions', type: 'CustomScript' } },
        }),
      ),
    ).toBeNull();
    expect(owner(gcp('pubsub.googleapis.com/Topic', 'projects/shop-prod/topics/orders'))).toBeNull();
    expect(owner(gcp('storage.googleapis.com/Bucket', 'shop-prod-artifacts'))).toBeNull();
    expect(owner(gcp('storage.googleapis.com/Bucket', 'other-proj_cloudbuild'))).toBeNull();
  });
});
