import { getPath } from '../../core/diff/path.ts';
import { firstBlock } from '../../core/mapping/accessors.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { armId } from '../../core/normalize/azure/arm-id.ts';
import { enabledDisabledBool, nullAs } from '../../core/normalize/azure/defaults.ts';
import { minTlsVersion } from '../../core/normalize/azure/min-tls-version.ts';
import { splitStorageSku } from '../../core/normalize/azure/storage-sku.ts';
import { unorderedSet } from '../../core/normalize/generic.ts';
import { armIdentities, azureScope, locationRule, prop, sameCase, tagsRule, top } from './common.ts';

function skuPart(part: 'tier' | 'replication'): AttributeRule['actual'] {
  return (live) => {
    const name = top('sku.name')(live);
    if (name === ABSENT) return ABSENT;
    return splitStorageSku(name)?.[part] ?? name;
  };
}

// Lists inside network_rules are compared even when empty (an IP rule added live is drift), but
// only when the state carries the block at all.
function ruleList(path: string): AttributeRule['desired'] {
  return (res) => (firstBlock(res.attributes.network_rules) ? getPath(res.attributes, path) : ABSENT);
}

// ARM returns `bypass` as one comma-separated string ("Logging, AzureServices").
const bypassList = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== 'None')
    : v;

function acl(path: string, map: (v: unknown) => unknown = (v) => v): AttributeRule['actual'] {
  return (live) => {
    const acls = prop('networkAcls')(live);
    if (acls === ABSENT) return ABSENT;
    return map(getPath(acls, path));
  };
}

// Provider v3 and v4 name the same booleans differently; one rule per name, the unset one is skipped.
function flag(paths: string[], arm: string, fallback: boolean): AttributeRule[] {
  return paths.map((path) => ({ path, actual: prop(arm), normalize: [nullAs(fallback)] }));
}

/** azurerm_storage_account ↔ `Microsoft.Storage/storageAccounts`. */
export const storageAccountMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_storage_account'],
  nativeTypes: ['Microsoft.Storage/storageAccounts'],
  identities: armIdentities,
  scope: azureScope,
  attributes: [
    locationRule,
    tagsRule,
    { path: 'account_kind', actual: sameCase(top('kind'), 'account_kind') },
    { path: 'account_tier', actual: sameCase(skuPart('tier'), 'account_tier') },
    {
      path: 'account_replication_type',
      actual: sameCase(skuPart('replication'), 'account_replication_type'),
    },
    { path: 'access_tier', actual: prop('accessTier') },
    ...flag(['https_traffic_only_enabled', 'enable_https_traffic_only'], 'supportsHttpsTrafficOnly', true),
    { path: 'min_tls_version', actual: prop('minimumTlsVersion'), normalize: [minTlsVersion] },
    // Accounts created before the 2023 default change omit these: the old defaults (allowed) apply.
    ...flag(['allow_nested_items_to_be_public', 'allow_blob_public_access'], 'allowBlobPublicAccess', true),
    ...flag(['shared_access_key_enabled'], 'allowSharedKeyAccess', true),
    ...flag(['is_hns_enabled'], 'isHnsEnabled', false),
    ...flag(['infrastructure_encryption_enabled'], 'encryption.requireInfrastructureEncryption', false),
    {
      path: 'public_network_access_enabled',
      actual: prop('publicNetworkAccess'),
      normalize: [nullAs(true), enabledDisabledBool],
    },
    { path: 'network_rules.0.default_action', actual: acl('defaultAction'), normalize: [nullAs('Allow')] },
    {
      path: 'network_rules.0.bypass',
      actual: acl('bypass', bypassList),
      normalize: [unorderedSet],
      compare: 'set',
    },
    {
      path: 'network_rules.0.ip_rules',
      desired: ruleList('network_rules.0.ip_rules'),
      actual: acl('ipRules', (v) => (Array.isArray(v) ? v.map((r) => getPath(r, 'value')) : v)),
      compare: 'set',
      skipUnsetDesired: false,
    },
    {
      path: 'network_rules.0.virtual_network_subnet_ids',
      desired: ruleList('network_rules.0.virtual_network_subnet_ids'),
      actual: acl('virtualNetworkRules', (v) => (Array.isArray(v) ? v.map((r) => getPath(r, 'id')) : v)),
      normalize: [armId],
      compare: 'set',
      skipUnsetDesired: false,
    },
  ],
};
