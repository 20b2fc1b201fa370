import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalScalar, genericNormalizer, unorderedSet } from '../../../../lib/core/normalize/generic.ts';

describe('genericNormalizer', () => {
  it('treats numeric strings and numbers alike, keeps lossy ones as strings', () => {
    expect(canonicalScalar('3')).toBe(3);
    expect(canonicalScalar('0.5')).toBe(0.5);
    expect(canonicalScalar('012345678901')).toBe('012345678901');
    expect(canonicalScalar('12345678901234567890')).toBe('12345678901234567890');
    expect(canonicalScalar('1e3')).toBe('1e3');
    expect(canonicalScalar('true')).toBe(true);
  });

  it('folds empty string, empty list, empty map, null and absent together', () => {
    expect(genericNormalizer.apply({ a: '', b: [], c: {}, d: null, e: { f: '' } })).toBeNull();
    expect(genericNormalizer.apply({ a: 'x', b: [] })).toEqual({ a: 'x' });
  });

  it('is idempotent on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = genericNormalizer.apply(v);
        expect(genericNormalizer.apply(once)).toEqual(once);
      }),
    );
  });
});

describe('unorderedSet', () => {
  it('is order-insensitive and idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (arr) => {
        const a = unorderedSet.apply(arr);
        expect(unorderedSet.apply([...arr].reverse())).toEqual(a);
        expect(unorderedSet.apply(a)).toEqual(a);
      }),
    );
  });
});
