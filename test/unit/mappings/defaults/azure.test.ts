import { describe, expect, it } from 'vitest';
import { azureIdentities, azureScope } from '../../../../lib/mappings/defaults/azure.ts';
import { stateResource } from './state-resource.ts';

describe('azure defaults', () => {
  const id =
    '/subscriptions/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/resourceGroups/rg-Prod/providers/Microsoft.Storage/storageAccounts/stprod01';
  const account = stateResource('azurerm_storage_account', {
    id,
    name: 'stprod01',
    resource_group_name: 'rg-Prod',
    location: 'westeurope',
  });

  it('identity is the ARM id as the state wrote it (the engine lower-cases)', () => {
    expect(azureIdentities(account)).toEqual([id]);
    expect(azureIdentities(stateResource('azurerm_key_vault_secret', {}))).toEqual([]);
  });

  it('scope is the lower-cased subscription', () => {
    expect(azureScope(account)).toBe('azure:0b1f6471-1bf0-4dda-aec3-cb9272f09590');
  });

  it('scope of a resource outside a subscription is unknown', () => {
    const mg = stateResource('azurerm_management_group', {
      id: '/providers/Microsoft.Management/managementGroups/platform',
    });
    expect(azureScope(mg)).toBe('azure:*');
  });
});
