import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import type { Provider } from '../../../../lib/core/model/provider.ts';
import { azureMappings } from '../../../../lib/mappings/azure/index.ts';
import { gcpMappings } from '../../../../lib/mappings/gcp/index.ts';
import { diff, stateOf } from './helpers.ts';

// Real exports hold every shape: projections without columns, nulls, strings where objects are
// expected. Mappings must compare whatever comes, never throw.
const anyObject = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>>;
const shaped = fc.record(
  {
    id: fc.constantFrom(
      '/subscriptions/S/resourceGroups/R/providers/X/y/z',
      'projects/p/zones/z/instances/i',
    ),
    properties: fc.oneof(fc.constant(null), anyObject),
    sku: fc.oneof(fc.constant(null), fc.jsonValue()),
    networkInterfaces: fc.jsonValue(),
    metadata: fc.jsonValue(),
    lifecycle: fc.jsonValue(),
    disks: fc.jsonValue(),
    zones: fc.jsonValue(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;

function live(attributes: Record<string, unknown> | null, provider: Provider): LiveResource {
  return {
    provider,
    nativeType: 'x',
    id: 'x',
    ids: ['x'],
    name: null,
    scope: 'x',
    attributes,
    tags: null,
    capturedAt: null,
    source: 'x',
  };
}

describe('azure and gcp mappings on arbitrary input', () => {
  const all = [...azureMappings, ...gcpMappings];

  it('never throw, whatever the state and live documents hold', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.oneof(anyObject, shaped),
        fc.oneof(fc.constant(null), anyObject, shaped),
        (m, attrs, row) => {
          const res = stateOf(m.terraformTypes[0]!, attrs);
          expect(Array.isArray(diff(m, res, live(row, m.provider)))).toBe(true);
          m.identities(res);
          m.children?.(res);
          m.scope?.(res);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compare nothing when the export carries no attributes at all', () => {
    for (const m of all) {
      const res = stateOf(m.terraformTypes[0]!, {
        location: 'westeurope',
        tags: { a: 'b' },
        labels: { a: 'b' },
      });
      expect(diff(m, res, live(null, m.provider))).toEqual([]);
    }
  });
});
