import { getPath } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { armAccessPolicies, tfAccessPolicies } from '../../core/normalize/azure/access-policies.ts';
import { armId } from '../../core/normalize/azure/arm-id.ts';
import { enabledDisabledBool, nullAs } from '../../core/normalize/azure/defaults.ts';
import { normalizer } from '../../core/normalize/generic.ts';
import { armIdentities, azureScope, locationRule, prop, sameCase, tagsRule } from './common.ts';

// Key Vault stores single addresses as `/32` and returns them that way; config usually omits it.
const ipNoHostMask = normalizer('ip-no-host-mask', (v) =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.replace(/\/32$/, '') : x)) : v,
);

// A vault that never had network rules returns `networkAcls: null`: the service default is
// allow-all with the AzureServices bypass, which is what the provider then stores.
function acl(
  path: string,
  fallback: unknown,
  map: (v: unknown) => unknown = (v) => v,
): AttributeRule['actual'] {
  return (live) => {
    const props = prop('')(live);
    if (props === ABSENT) return ABSENT;
    const acls = getPath(props, 'networkAcls');
    return acls === null || acls === undefined ? fallback : map(getPath(acls, path));
  };
}

const list = (key: string) => (v: unknown) => (Array.isArray(v) ? v.map((x) => getPath(x, key)) : v);

// ARM leaves the enabledFor* and purge protection flags out until they are set.
const flag = (path: string, arm: string): AttributeRule => ({
  path,
  actual: prop(arm),
  normalize: [nullAs(false)],
});

/** azurerm_key_vault ↔ `Microsoft.KeyVault/vaults`. */
export const keyVaultMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_key_vault'],
  nativeTypes: ['Microsoft.KeyVault/vaults'],
  identities: armIdentities,
  scope: azureScope,
  attributes: [
    locationRule,
    tagsRule,
    { path: 'sku_name', actual: sameCase(prop('sku.name'), 'sku_name') },
    { path: 'tenant_id', actual: sameCase(prop('tenantId'), 'tenant_id') },
    {
      path: 'soft_delete_retention_days',
      actual: prop('softDeleteRetentionInDays'),
      normalize: [nullAs(90)],
    },
    flag('purge_protection_enabled', 'enablePurgeProtection'),
    flag('enable_rbac_authorization', 'enableRbacAuthorization'),
    flag('rbac_authorization_enabled', 'enableRbacAuthorization'),
    flag('enabled_for_deployment', 'enabledForDeployment'),
    flag('enabled_for_disk_encryption', 'enabledForDiskEncryption'),
    flag('enabled_for_template_deployment', 'enabledForTemplateDeployment'),
    // An empty list in state means RBAC or standalone azurerm_key_vault_access_policy resources.
    {
      path: 'access_policy',
      desired: (res) => tfAccessPolicies(res.attributes.access_policy),
      actual: (live) => {
        const list = prop('accessPolicies')(live);
        return list === ABSENT ? ABSENT : armAccessPolicies(list);
      },
      compare: 'set',
    },
    {
      path: 'public_network_access_enabled',
      actual: prop('publicNetworkAccess'),
      normalize: [nullAs('Enabled'), enabledDisabledBool],
    },
    {
      path: 'network_acls.0.default_action',
      actual: sameCase(acl('defaultAction', 'Allow'), 'network_acls.0.default_action'),
    },
    {
      path: 'network_acls.0.bypass',
      actual: sameCase(acl('bypass', 'AzureServices'), 'network_acls.0.bypass'),
    },
    {
      path: 'network_acls.0.ip_rules',
      actual: acl('ipRules', [], list('value')),
      normalize: [ipNoHostMask],
      compare: 'set',
    },
    {
      path: 'network_acls.0.virtual_network_subnet_ids',
      actual: acl('virtualNetworkRules', [], list('id')),
      normalize: [armId],
      compare: 'set',
    },
  ],
};
