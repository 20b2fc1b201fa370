import { getPath } from '../../core/diff/path.ts';
import { firstBlock } from '../../core/mapping/accessors.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { armId } from '../../core/normalize/azure/arm-id.ts';
import {
  armIdentities,
  azureScope,
  locationRule,
  prop,
  propOrAbsent,
  sameCase,
  tagsRule,
  top,
} from './common.ts';

// The OS disk is created with the VM, in the VM's resource group, under `os_disk.0.name`.
function osDiskId(res: StateResource): string[] {
  const id = res.attributes.id;
  const name = firstBlock(res.attributes.os_disk)?.name;
  if (typeof id !== 'string' || typeof name !== 'string' || !name) return [];
  const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)\//i.exec(id);
  return m ? [`${m[1]}/providers/Microsoft.Compute/disks/${name}`] : [];
}

const nicIds: AttributeRule['actual'] = (live) => {
  const v = prop('networkProfile.networkInterfaces')(live);
  return Array.isArray(v) ? v.map((n) => getPath(n, 'id')) : v;
};

// `zones` is a top-level array on the row; the provider has one `zone` string.
const zone: AttributeRule['actual'] = (live) => {
  const z = top('zones')(live);
  if (z === ABSENT) return ABSENT;
  return Array.isArray(z) ? (z[0] ?? null) : z;
};

const image = (key: string): AttributeRule => ({
  path: `source_image_reference.0.${key}`,
  actual: sameCase(prop(`storageProfile.imageReference.${key}`), `source_image_reference.0.${key}`),
});

/** azurerm_linux_virtual_machine ↔ `Microsoft.Compute/virtualMachines`. */
export const linuxVirtualMachineMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_linux_virtual_machine'],
  nativeTypes: ['Microsoft.Compute/virtualMachines'],
  identities: armIdentities,
  scope: azureScope,
  children: osDiskId,
  attributes: [
    locationRule,
    tagsRule,
    // VM sizes are case-insensitive in ARM (`Standard_B2s` = `standard_b2s`).
    { path: 'size', actual: sameCase(prop('hardwareProfile.vmSize'), 'size') },
    { path: 'zone', actual: zone },
    { path: 'admin_username', actual: prop('osProfile.adminUsername') },
    {
      path: 'disable_password_authentication',
      actual: propOrAbsent('osProfile.linuxConfiguration.disablePasswordAuthentication'),
    },
    { path: 'network_interface_ids', actual: nicIds, normalize: [armId], compare: 'set' },
    image('publisher'),
    image('offer'),
    image('sku'),
    image('version'),
    {
      path: 'os_disk.0.caching',
      actual: sameCase(prop('storageProfile.osDisk.caching'), 'os_disk.0.caching'),
    },
    {
      path: 'os_disk.0.storage_account_type',
      actual: sameCase(
        prop('storageProfile.osDisk.managedDisk.storageAccountType'),
        'os_disk.0.storage_account_type',
      ),
    },
    { path: 'os_disk.0.disk_size_gb', actual: propOrAbsent('storageProfile.osDisk.diskSizeGB') },
    { path: 'identity.0.type', actual: sameCase(top('identity.type'), 'identity.0.type') },
  ],
};
