import { describe, expect, it } from 'vitest';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import { ownershipContext, providerOwner } from '../../../../lib/core/rules/provider-owned/index.ts';
import { liveRes } from '../../../helpers/builders.ts';

// Objects real clouds and clusters create on their own, shaped after real exports (AWS Config items,
// Resource Graph rows, Cloud Asset data, kubectl objects), and look-alikes a user made that must stay.

const k8s = (apiVersion: string, kind: string, metadata: Record<string, unknown>, extra = {}): LiveResource =>
  liveRes({
    provider: 'kubernetes',
    nativeType: `${apiVersion}/${kind}`,
    id: `${metadata.namespace ?? ''}/${metadata.name}`,
    scope: 'kubernetes:default',
    attributes: { apiVersion, kind, metadata, ...extra },
    tags: (metadata.labels as Record<string, string>) ?? {},
  });
const gcp = (nativeType: string, id: string, attributes: Record<string, unknown>, tags = {}): LiveResource =>
  liveRes({ provider: 'gcp', nativeType, id, scope: 'gcp:shop-prod', attributes, tags });
const RG = '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups';
const az = (nativeType: string, id: string, attributes: Record<string, unknown> = {}): LiveResource =>
  liveRes({
    provider: 'azure',
    nativeType,
    id,
    name: id.slice(id.lastIndexOf('/') + 1),
    scope: 'azure:0b1f6471-1bf0-4dda-aec3-111122223333',
    attributes: { id, type: nativeType, ...attributes },
  });
const owner = (l: LiveResource, all: LiveResource[] = [l]) => providerOwner(l, ownershipContext(all));
const NET = 'https://www.googleapis.com/compute/v1/projects/shop-prod/global/networks';

describe('provider-owned rules on real-world platform objects', () => {
  it.each([
    [
      'aws-default-vpc-dhcp-options',
      liveRes({
        nativeType: 'AWS::EC2::DHCPOptions',
        id: 'dopt-0a1b2c3d',
        attributes: { dhcpOptionsId: 'dopt-0a1b2c3d', dhcpConfigurations: [] },
      }),
    ],
    [
      'aws-service-launched',
      liveRes({
        nativeType: 'AWS::EC2::Instance',
        id: 'i-0123456789abcdef0',
        tags: { 'aws:autoscaling:groupName': 'web-asg', Name: 'web' },
      }),
    ],
    [
      'aws-service-launched',
      liveRes({
        nativeType: 'AWS::EC2::SecurityGroup',
        id: 'sg-0eks',
        attributes: { groupName: 'eks-cluster-sg-shop-123456' },
        tags: { 'aws:eks:cluster-name': 'shop', 'kubernetes.io/cluster/shop': 'owned' },
      }),
    ],
    [
      'aws-automated-snapshot',
      liveRes({
        nativeType: 'AWS::RDS::DBSnapshot',
        id: 'rds:shop-db-2024-06-11-03-10',
        attributes: { snapshotType: 'automated' },
      }),
    ],
  ])('%s', (rule, live) => {
    const vpc = liveRes({
      nativeType: 'AWS::EC2::VPC',
      id: 'vpc-0d',
      attributes: { vpcId: 'vpc-0d', isDefault: true, dhcpOptionsId: 'dopt-0a1b2c3d' },
    });
    expect(owner(live, [vpc, live])).toBe(rule);
  });

  it.each([
    [
      'azure-platform-resource-group-content',
      az(
        'Microsoft.Storage/storageAccounts',
        `${RG}/cloud-shell-storage-westeurope/providers/Microsoft.Storage/storageAccounts/cs21003200012345678`,
      ),
    ],
    [
      'azure-platform-resource-group-content',
      az(
        'Microsoft.OperationalInsights/workspaces',
        `${RG}/DefaultResourceGroup-WEU/providers/Microsoft.OperationalInsights/workspaces/DefaultWorkspace-0b1f6471-1bf0-4dda-aec3-111122223333-WEU`,
      ),
    ],
    [
      'azure-platform-resource-group-content',
      az(
        'Microsoft.Network/loadBalancers',
        `${RG}/MC_shop-rg_shop-aks_westeurope/providers/Microsoft.Network/loadBalancers/kubernetes`,
      ),
    ],
    [
      'azure-app-insights-smart-detection',
      az(
        'microsoft.insights/actiongroups',
        `${RG}/shop-rg/providers/microsoft.insights/actiongroups/Application Insights Smart Detection`,
      ),
    ],
    [
      'azure-app-insights-smart-detection',
      az(
        'microsoft.alertsmanagement/smartdetectoralertrules',
        `${RG}/shop-rg/providers/microsoft.alertsmanagement/smartdetectoralertrules/Failure Anomalies - shop-ai`,
      ),
    ],
  ])('%s', (rule, live) => {
    expect(owner(live)).toBe(rule);
  });

  it('owns what sits in a resource group some resource manages (custom AKS node group)', () => {
    const nodeRg = az('microsoft.resources/subscriptions/resourcegroups', `${RG}/shop-aks-nodes`, {
      managedBy: `${RG}/shop-rg/providers/Microsoft.ContainerService/managedClusters/shop-aks`,
    });
    const vmss = az(
      'microsoft.compute/virtualmachinescalesets',
      `${RG}/SHOP-AKS-NODES/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-1234-vmss`,
    );
    const user = az(
      'microsoft.compute/virtualmachinescalesets',
      `${RG}/shop-rg/providers/Microsoft.Compute/virtualMachineScaleSets/app`,
    );
    expect(owner(vmss, [nodeRg, vmss, user])).toBe('azure-managed-resource-group-content');
    expect(owner(user, [nodeRg, vmss, user])).toBeNull();
  });

  it.each([
    [
      'gcp-default-network',
      gcp('compute.googleapis.com/Network', 'n', { name: 'default', autoCreateSubnetworks: true }),
    ],
    [
      'gcp-default-network',
      gcp('compute.googleapis.com/Subnetwork', 's', {
        name: 'default',
        network: `${NET}/default`,
        region: 'europe-west1',
      }),
    ],
    [
      'gcp-system-route',
      gcp('compute.googleapis.com/Route', 'r', {
        name: 'default-route-8f3a0c1d2e4b5a69',
        description: 'Default route to the Internet.',
        network: `${NET}/shop-vpc`,
      }),
    ],
    [
      'gcp-system-route',
      gcp('compute.googleapis.com/Route', 'r2', {
        name: 'default-route-1a2b3c4d5e6f7a8b',
        description: 'Default local route to the subnetwork 10.10.0.0/20.',
        network: `${NET}/shop-vpc`,
      }),
    ],
    [
      'gcp-logging-defaults',
      gcp('logging.googleapis.com/LogSink', '//logging.googleapis.com/projects/481516234200/sinks/_Default', {
        name: '_Default',
      }),
    ],
    [
      'gcp-logging-defaults',
      gcp(
        'logging.googleapis.com/LogBucket',
        '//logging.googleapis.com/projects/shop-prod/locations/global/buckets/_Required',
        { name: 'projects/shop-prod/locations/global/buckets/_Required' },
      ),
    ],
    [
      'gcp-service-managed',
      gcp('run.googleapis.com/Service', 'fn', {
        metadata: { name: 'resize', labels: { 'goog-managed-by': 'cloudfunctions' } },
      }),
    ],
    [
      'gcp-service-managed',
      gcp(
        'storage.googleapis.com/Bucket',
        'b',
        { name: 'gcf-v2-sources-481516234200-europe-west1' },
        { 'goog-managed-by': 'cloudfunctions' },
      ),
    ],
    [
      'gcp-gke-managed',
      gcp(
        'compute.googleapis.com/Instance',
        'vm',
        { name: 'gke-shop-default-pool-1a2b3c4d-x9z8' },
        { 'goog-k8s-cluster-name': 'shop' },
      ),
    ],
    [
      'gcp-gke-managed',
      gcp('compute.googleapis.com/InstanceGroupManager', 'igm', {
        name: 'gke-shop-default-pool-1a2b3c4d-grp',
        instanceTemplate:
          'https://www.googleapis.com/compute/v1/projects/shop-prod/global/instanceTemplates/gke-shop-default-pool-1a2b3c4d',
      }),
    ],
    [
      'gcp-gke-managed',
      gcp('compute.googleapis.com/InstanceTemplate', 'it', {
        name: 'gke-shop-default-pool-1a2b3c4d',
        properties: { labels: { 'goog-gke-node': '' } },
      }),
    ],
    [
      'gcp-gke-managed',
      gcp('compute.googleapis.com/Firewall', 'fw', {
        name: 'gke-shop-3f1c2a7b-master',
        network: `${NET}/shop-vpc`,
      }),
    ],
    [
      'gcp-gke-managed',
      gcp('compute.googleapis.com/ForwardingRule', 'fr', {
        name: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        description: '{"kubernetes.io/service-name":"shop/web"}',
      }),
    ],
    [
      'gcp-default-enabled-service',
      gcp(
        'serviceusage.googleapis.com/Service',
        '//serviceusage.googleapis.com/projects/481516234200/services/logging.googleapis.com',
        { name: 'projects/481516234200/services/logging.googleapis.com', state: 'ENABLED' },
      ),
    ],
  ])('%s', (rule, live) => {
    expect(owner(live)).toBe(rule);
  });

  it.each([
    [
      'k8s-control-plane-defaults',
      k8s('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', {
        name: 'workload-leader-election',
        annotations: { 'apf.kubernetes.io/autoupdate-spec': 'true' },
      }),
    ],
    [
      'k8s-control-plane-defaults',
      k8s('flowcontrol.apiserver.k8s.io/v1', 'PriorityLevelConfiguration', {
        name: 'global-default',
        annotations: { 'apf.kubernetes.io/autoupdate-spec': 'true' },
      }),
    ],
    [
      'k8s-control-plane-defaults',
      k8s('scheduling.k8s.io/v1', 'PriorityClass', { name: 'system-node-critical' }),
    ],
    [
      'k8s-control-plane-defaults',
      k8s('rbac.authorization.k8s.io/v1', 'ClusterRole', {
        name: 'eks:node-manager',
        labels: { 'eks.amazonaws.com/component': 'node' },
      }),
    ],
    [
      'k8s-cloud-default-storage-class',
      k8s(
        'storage.k8s.io/v1',
        'StorageClass',
        { name: 'gp2', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        { provisioner: 'kubernetes.io/aws-ebs' },
      ),
    ],
    [
      'k8s-cloud-default-storage-class',
      k8s(
        'storage.k8s.io/v1',
        'StorageClass',
        { name: 'managed-csi', labels: { 'kubernetes.io/cluster-service': 'true' } },
        { provisioner: 'disk.csi.azure.com' },
      ),
    ],
    ['k8s-system-namespace', k8s('v1', 'ConfigMap', { name: 'collector', namespace: 'gmp-system' })],
    ['k8s-system-namespace', k8s('v1', 'Namespace', { name: 'gke-managed-cim' })],
  ])('%s', (rule, live) => {
    expect(owner(live)).toBe(rule);
  });

  it('leaves look-alikes a user created alone (real drift stays visible)', () => {
    const userDhcp = liveRes({
      nativeType: 'AWS::EC2::DHCPOptions',
      id: 'dopt-user',
      attributes: { dhcpOptionsId: 'dopt-user' },
    });
    const userVpc = liveRes({
      nativeType: 'AWS::EC2::VPC',
      id: 'vpc-u',
      attributes: { vpcId: 'vpc-u', isDefault: false, dhcpOptionsId: 'dopt-user' },
    });
    expect(owner(userDhcp, [userVpc, userDhcp])).toBeNull();
    expect(
      owner(
        liveRes({
          nativeType: 'AWS::EC2::Instance',
          id: 'i-1',
          tags: { 'aws:ec2launchtemplate:id': 'lt-1' },
        }),
      ),
    ).toBeNull();
    expect(
      owner(
        liveRes({ nativeType: 'AWS::RDS::DBSnapshot', id: 'manual', attributes: { snapshotType: 'manual' } }),
      ),
    ).toBeNull();
    expect(
      owner(gcp('compute.googleapis.com/Network', 'n', { name: 'default', autoCreateSubnetworks: false })),
    ).toBeNull();
    expect(
      owner(gcp('compute.googleapis.com/Subnetwork', 's', { name: 'default', network: `${NET}/shop-vpc` })),
    ).toBeNull();
    expect(
      owner(
        gcp('compute.googleapis.com/Route', 'r', {
          name: 'to-onprem',
          description: '',
          network: `${NET}/shop-vpc`,
        }),
      ),
    ).toBeNull();
    expect(owner(gcp('logging.googleapis.com/LogSink', 's', { name: 'audit-to-bq' }))).toBeNull();
    // Terraform's own attribution label is not a platform label.
    expect(
      owner(
        gcp('storage.googleapis.com/Bucket', 'b', { name: 'x' }, { 'goog-terraform-provisioned': 'true' }),
      ),
    ).toBeNull();
    expect(
      owner(gcp('compute.googleapis.com/Firewall', 'fw', { name: 'gke-allow-health-checks' })),
    ).toBeNull();
    expect(
      owner(
        gcp('serviceusage.googleapis.com/Service', 'sv', {
          name: 'projects/1/services/container.googleapis.com',
        }),
      ),
    ).toBeNull();
    expect(
      owner(
        az(
          'microsoft.insights/actiongroups',
          `${RG}/shop-rg/providers/microsoft.insights/actiongroups/oncall`,
        ),
      ),
    ).toBeNull();
    expect(owner(k8s('scheduling.k8s.io/v1', 'PriorityClass', { name: 'shop-high' }))).toBeNull();
    expect(
      owner(k8s('storage.k8s.io/v1', 'StorageClass', { name: 'fast' }, { provisioner: 'ebs.csi.aws.com' })),
    ).toBeNull();
    expect(owner(k8s('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', { name: 'shop-batch' }))).toBeNull();
  });
});
