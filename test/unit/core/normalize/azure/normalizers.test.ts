import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { armId, armResourceGroup, armSubscription } from '../../../../../lib/core/normalize/azure/arm-id.ts';
import { enabledDisabledBool, nullAs } from '../../../../../lib/core/normalize/azure/defaults.ts';
import { azureLocation } from '../../../../../lib/core/normalize/azure/location.ts';
import { minTlsVersion } from '../../../../../lib/core/normalize/azure/min-tls-version.ts';
import { joinStorageSku, splitStorageSku } from '../../../../../lib/core/normalize/azure/storage-sku.ts';
import { genericNormalizer } from '../../../../../lib/core/normalize/generic.ts';

const idempotent = (n: { apply(v: unknown): unknown }, arb: fc.Arbitrary<unknown>) =>
  fc.assert(
    fc.property(arb, (v) => {
      expect(n.apply(n.apply(v))).toEqual(n.apply(v));
    }),
  );

const anyJson = fc.jsonValue() as fc.Arbitrary<unknown>;

describe('azureLocation', () => {
  it('makes display and programmatic names equal', () => {
    for (const v of ['West Europe', 'westeurope', 'WestEurope', ' West  Europe '])
      expect(azureLocation.apply(v)).toBe('westeurope');
    expect(azureLocation.apply(['East US 2'])).toEqual(['eastus2']);
    expect(azureLocation.apply(null)).toBe(null);
  });
  it('is idempotent', () => {
    idempotent(azureLocation, anyJson);
    idempotent(azureLocation, fc.string());
  });
});

describe('armId', () => {
  const id = '/subscriptions/ABC/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/';
  it('lower-cases and drops the trailing slash, in lists too', () => {
    expect(armId.apply(id)).toBe(
      '/subscriptions/abc/resourcegroups/rg/providers/microsoft.network/virtualnetworks/v',
    );
    expect(armId.apply([id])).toEqual([armId.apply(id)]);
    expect(armId.apply('Standard')).toBe('Standard');
  });
  it('finds subscription and resource group', () => {
    expect(armSubscription(id)).toBe('abc');
    expect(armResourceGroup(id)).toBe('RG');
    expect(armSubscription('nope')).toBe(null);
  });
  it('is idempotent', () =>
    idempotent(
      armId,
      fc.oneof(
        anyJson,
        fc.string().map((s) => `/subscriptions/${s}`),
      ),
    ));
});

describe('storage SKU split', () => {
  it('splits and joins', () => {
    expect(splitStorageSku('Standard_RAGZRS')).toEqual({ tier: 'Standard', replication: 'RAGZRS' });
    expect(splitStorageSku('Premium_LRS')).toEqual({ tier: 'Premium', replication: 'LRS' });
    expect(splitStorageSku('Standard')).toBe(null);
    expect(joinStorageSku('Standard', 'LRS')).toBe('Standard_LRS');
    expect(joinStorageSku('Standard', '')).toBe(null);
  });
  it('round-trips any tier/replication without underscores in the tier', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,10}$/), fc.stringMatching(/^[A-Z_]{1,10}$/), (t, r) => {
        expect(splitStorageSku(joinStorageSku(t, r))).toEqual({ tier: t, replication: r });
      }),
    );
  });
});

describe('minTlsVersion', () => {
  it('unifies spellings and reads absence as TLS1_0', () => {
    for (const v of ['TLS1_2', 'tls1_2', 'TLS1.2', '1.2', 1.2]) expect(minTlsVersion.apply(v)).toBe('TLS1_2');
    expect(minTlsVersion.apply(genericNormalizer.apply('1.0'))).toBe('TLS1_0');
    expect(minTlsVersion.apply(null)).toBe('TLS1_0');
  });
  it('is idempotent', () => idempotent(minTlsVersion, anyJson));
});

describe('enabledDisabledBool / nullAs', () => {
  it('maps ARM enums to booleans and leaves other values', () => {
    expect(enabledDisabledBool.apply('Enabled')).toBe(true);
    expect(enabledDisabledBool.apply('Disabled')).toBe(false);
    expect(enabledDisabledBool.apply('SecuredByPerimeter')).toBe('SecuredByPerimeter');
    expect(nullAs(true).apply(null)).toBe(true);
    expect(nullAs(true).apply(false)).toBe(false);
  });
  it('are idempotent', () => {
    idempotent(enabledDisabledBool, anyJson);
    idempotent(nullAs(90), anyJson);
  });
});
