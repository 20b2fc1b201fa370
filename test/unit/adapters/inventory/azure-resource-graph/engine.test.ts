import { afterEach, describe, expect, it } from 'vitest';
import { runScan } from '../../../../../lib/core/engine/index.ts';
import type { StateResource } from '../../../../../lib/core/model/state-resource.ts';
import { defaultClassifier, defaultRegistry } from '../../../../../lib/runtime/compose.ts';
import { azureRows } from '../../../../fakes/azure-api-server.ts';
import { stateRes, testHasher } from '../../../../helpers/builders.ts';
import { SUB, setup } from './harness.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const rgId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
const saId = (sub: string, rg: string, n: string) =>
  `${rgId(sub, rg)}/providers/Microsoft.Storage/storageAccounts/${n}`;
const azurerm = (
  type: string,
  name: string,
  id: string,
  attributes: Record<string, unknown>,
): StateResource =>
  stateRes({
    type,
    name,
    cloud: 'azure',
    provider: 'provider["registry.terraform.io/hashicorp/azurerm"]',
    id,
    attributes: { id, ...attributes },
  });

describe('Resource Graph inventory through the real engine', () => {
  it('AuthorizationFailed on one subscription: its resources are not checked, never missing; the others still drift', async () => {
    const h = await setup(
      {
        rows: [
          azureRows.subscription(SUB.a),
          azureRows.resourceGroup(SUB.a, 'rg-app', { env: 'dev' }),
          azureRows.storageAccount(SUB.a, 'rg-app', 'stappkept'),
          azureRows.subscription(SUB.b),
          azureRows.resourceGroup(SUB.b, 'rg-data'),
          azureRows.storageAccount(SUB.b, 'rg-data', 'stdata01'),
        ],
      },
      { subscriptions: [SUB.a, SUB.b], batchSize: 1 },
    );
    stop = h.stop;
    h.server.faults.push({
      on: 'resources',
      subscription: SUB.b,
      times: 99,
      status: 403,
      code: 'AuthorizationFailed',
      message: 'The client does not have authorization.',
    });
    const inventory = await h.inventory.read();
    const states = [
      azurerm('azurerm_resource_group', 'app', rgId(SUB.a, 'rg-app'), {
        name: 'rg-app',
        location: 'westeurope',
        tags: { env: 'prod' },
      }),
      azurerm('azurerm_storage_account', 'gone', saId(SUB.a, 'rg-app', 'stappgone'), {
        name: 'stappgone',
        location: 'westeurope',
      }),
      azurerm('azurerm_resource_group', 'data', rgId(SUB.b, 'rg-data'), {
        name: 'rg-data',
        location: 'westeurope',
        tags: {},
      }),
      azurerm('azurerm_storage_account', 'data', saId(SUB.b, 'rg-data', 'stdata01'), {
        name: 'stdata01',
        location: 'westeurope',
      }),
    ];
    const report = runScan({
      states,
      inventory,
      registry: defaultRegistry(),
      hasher: testHasher,
      classify: defaultClassifier,
    });
    const drifts = report.drifts.map((d) => [d.kind, d.address ?? d.id]).sort();
    expect(drifts).toEqual([
      ['changed', 'azurerm_resource_group.app'],
      ['missing', 'azurerm_storage_account.gone'],
      ['unmanaged', expect.stringContaining('stappkept')],
    ]);
    expect(report.drifts.filter((d) => d.kind === 'missing').map((d) => d.address)).toEqual([
      'azurerm_storage_account.gone',
    ]);
    expect(report.notChecked.map((n) => n.address).sort()).toEqual([
      'azurerm_resource_group.data',
      'azurerm_storage_account.data',
    ]);
    for (const n of report.notChecked)
      expect(n.reason).toBe(
        `scope azure:${SUB.b} incomplete: Resource Graph query failed: 403 AuthorizationFailed: The client does not have authorization.`,
      );
  });
});
