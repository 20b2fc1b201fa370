import { str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

// Resource groups Azure creates for itself: AKS node groups, Azure Monitor/Defender defaults, Cloud
// Shell storage, Azure Backup restore points, Network Watcher.
const PLATFORM_GROUP = /^(DefaultResourceGroup-|MC_|AzureBackupRG_|cloud-shell-storage-|NetworkWatcherRG$)/i;
const groupOf = (id: string) => /^(\/subscriptions\/[^/]+\/resourcegroups\/([^/]+))\/providers\//i.exec(id);

/** Azure-owned objects: resources managed by another resource, platform-created groups. */
export const azureOwnedRules: readonly ProviderOwnedRule[] = [
  {
    // AKS node resource groups, managed disks of VMs, managed applications: `managedBy` names the owner.
    name: 'azure-managed-by',
    provider: 'azure',
    owns: (l) => (str(l.attributes, 'managedBy') ?? '') !== '',
  },
  {
    name: 'azure-network-watcher',
    provider: 'azure',
    owns: (l) =>
      /\/resourcegroups\/networkwatcherrg(\/|$)/i.test(l.id) ||
      (l.nativeType.toLowerCase() === 'microsoft.network/networkwatchers' &&
        /^NetworkWatcher_/i.test(l.name ?? '')),
  },
  {
    name: 'azure-default-resource-group',
    provider: 'azure',
    owns: (l) =>
      l.nativeType.toLowerCase().endsWith('resourcegroups') &&
      /^(DefaultResourceGroup-|MC_|AzureBackupRG_|cloud-shell-storage-)/i.test(l.name ?? ''),
  },
  {
    // What Azure put inside its own groups (AKS load balancer and VMSS, DefaultWorkspace-…, Cloud Shell's cs… account).
    name: 'azure-platform-resource-group-content',
    provider: 'azure',
    owns: (l) => PLATFORM_GROUP.test(groupOf(l.id)?.[2] ?? ''),
  },
  {
    // Inside a group another resource manages (an AKS cluster's custom node_resource_group, Databricks).
    name: 'azure-managed-resource-group-content',
    provider: 'azure',
    owns: (l, ctx) => {
      const group = groupOf(l.id)?.[1];
      return group !== undefined && (ctx.managedResourceGroupIds?.has(group.toLowerCase()) ?? false);
    },
  },
  {
    // Application Insights creates its "Failure Anomalies" smart detector and the action group it notifies.
    name: 'azure-app-insights-smart-detection',
    provider: 'azure',
    owns: (l) => {
      const type = l.nativeType.toLowerCase();
      const name = l.name ?? '';
      return (
        (type === 'microsoft.insights/actiongroups' && name === 'Application Insights Smart Detection') ||
        (type === 'microsoft.alertsmanagement/smartdetectoralertrules' &&
          name.startsWith('Failure Anomalies - '))
      );
    },
  },
  {
    // The tenant root group exists in every tenant, named by the tenant id.
    name: 'azure-tenant-root-management-group',
    provider: 'azure',
    owns: (l) =>
      l.nativeType.toLowerCase() === 'microsoft.management/managementgroups' &&
      (str(l.attributes, 'tenantId') ?? '') !== '' &&
      (l.name ?? l.id.slice(l.id.lastIndexOf('/') + 1)) === str(l.attributes, 'tenantId'),
  },
  {
    // Defender for Servers deploys its endpoint agent onto every VM it covers.
    name: 'azure-defender-vm-extension',
    provider: 'azure',
    owns: (l) =>
      /^microsoft\.(compute\/virtualmachines|hybridcompute\/machines)\/extensions$/i.test(l.nativeType) &&
      str(l.attributes, 'properties', 'publisher') === 'Microsoft.Azure.AzureDefenderForServers',
  },
];
