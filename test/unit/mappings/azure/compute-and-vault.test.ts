import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { keyVaultMapping as kv } from '../../../../lib/mappings/azure/key-vault.ts';
import { linuxVirtualMachineMapping as vm } from '../../../../lib/mappings/azure/linux-virtual-machine.ts';
import { diff, fixture, liveOf, stateOf } from './helpers.ts';

type Row = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

describe('azurerm_linux_virtual_machine', () => {
  const state = () => stateOf('azurerm_linux_virtual_machine', fixture('linux-virtual-machine.tfstate.json'));
  const row = () => fixture<Row>('linux-virtual-machine.graph.json');

  it('is clean (publisher case, zones array, identity type)', () => {
    expect(diff(vm, state(), liveOf(row()))).toEqual([]);
  });

  it('reports a resize and password authentication enabled', () => {
    const r = row();
    r.properties.hardwareProfile!.vmSize = 'Standard_D4s_v5';
    (r.properties.osProfile!.linuxConfiguration as Record<string, unknown>).disablePasswordAuthentication =
      false;
    const changes = diff(vm, state(), liveOf(r));
    expect(changes).toHaveLength(2);
    expect(changes[0]).toEqual({ path: 'size', desired: 'Standard_B2s', actual: 'Standard_D4s_v5' });
    // The core's secret-name heuristic currently seals `*password*` names, this flag included.
    expect(changes[1]).toMatchObject({ path: 'disable_password_authentication' });
  });

  it('ignores case-only differences (ARM may return `standard_b2s`, `READWRITE`)', () => {
    const r = row();
    r.properties.hardwareProfile!.vmSize = 'standard_b2s';
    (r.properties.storageProfile!.osDisk as Record<string, unknown>).caching = 'readwrite';
    expect(diff(vm, state(), liveOf(r))).toEqual([]);
  });

  it('claims its OS disk by the id ARM gives it (case-insensitively)', () => {
    const [disk] = vm.children?.(state()) ?? [];
    const liveDisk = (row().properties.storageProfile!.osDisk as { managedDisk: { id: string } }).managedDisk
      .id;
    expect(normalizeIdentity('azure', disk!)).toBe(normalizeIdentity('azure', liveDisk));
  });

  it('an az resource list item (properties: null) compares location, tags, zone and identity only', () => {
    const r = row() as Record<string, unknown>;
    r.properties = null;
    r.type = 'Microsoft.Compute/virtualMachines';
    r.zones = ['2'];
    expect(diff(vm, state(), liveOf(r))).toEqual([{ path: 'zone', desired: 1, actual: 2 }]);
  });
});

describe('azurerm_key_vault', () => {
  const state = () => stateOf('azurerm_key_vault', fixture('key-vault.tfstate.json'));
  const row = () => fixture<Row>('key-vault.graph.json');

  it('is clean (sku case, /32 host masks, omitted false flags)', () => {
    expect(diff(kv, state(), liveOf(row()))).toEqual([]);
  });

  it('reports the firewall opened and RBAC switched off', () => {
    const r = row();
    r.properties.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Allow',
      ipRules: [],
      virtualNetworkRules: [],
    };
    (r.properties as Record<string, unknown>).enableRbacAuthorization = false;
    expect(diff(kv, state(), liveOf(r))).toEqual([
      { path: 'enable_rbac_authorization', desired: true, actual: false },
      { path: 'network_acls.0.default_action', desired: 'Deny', actual: 'Allow' },
      { path: 'network_acls.0.ip_rules', desired: ['203.0.113.10'], actual: null },
    ]);
  });

  it('reads a vault that never had network rules (networkAcls null) as allow-all', () => {
    const attrs = fixture('key-vault.tfstate.json');
    attrs.network_acls = [
      { bypass: 'AzureServices', default_action: 'Allow', ip_rules: [], virtual_network_subnet_ids: [] },
    ];
    const r = row();
    (r.properties as Record<string, unknown>).networkAcls = null;
    expect(diff(kv, stateOf('azurerm_key_vault', attrs), liveOf(r))).toEqual([]);
  });

  it('reports a secret permission granted in the portal to an inline access policy', () => {
    const attrs = fixture('key-vault.tfstate.json');
    const policy = {
      tenant_id: '3b1e9d47-0c2a-4f6e-8d5b-a1c2e3f4a5b6',
      object_id: 'a1b2c3d4-0000-4000-8000-000000000001',
      application_id: '',
      key_permissions: [],
      secret_permissions: ['Get'],
      certificate_permissions: [],
      storage_permissions: [],
    };
    attrs.access_policy = [policy];
    const r = row();
    (r.properties as Record<string, unknown>).accessPolicies = [
      { tenantId: policy.tenant_id, objectId: policy.object_id, permissions: { secrets: ['get'] } },
    ];
    expect(diff(kv, stateOf('azurerm_key_vault', attrs), liveOf(r))).toEqual([]);
    (r.properties as Record<string, unknown>).accessPolicies = [
      {
        tenantId: policy.tenant_id,
        objectId: policy.object_id,
        permissions: { secrets: ['get', 'list', 'set'] },
      },
    ];
    expect(diff(kv, stateOf('azurerm_key_vault', attrs), liveOf(r))).toEqual([
      {
        path: 'access_policy',
        desired: [{ tenant_id: policy.tenant_id, object_id: policy.object_id, secret_permissions: ['get'] }],
        actual: [
          {
            tenant_id: policy.tenant_id,
            object_id: policy.object_id,
            secret_permissions: ['get', 'list', 'set'],
          },
        ],
      },
    ]);
  });

  it('reports purge protection only when ARM says it is on', () => {
    const r = row();
    (r.properties as Record<string, unknown>).enablePurgeProtection = true;
    expect(diff(kv, state(), liveOf(r))).toEqual([
      { path: 'purge_protection_enabled', desired: false, actual: true },
    ]);
  });
});
