import { str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

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
];
