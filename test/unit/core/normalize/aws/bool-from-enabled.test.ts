import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boolFromEnabled } from '../../../../../lib/core/normalize/aws/bool-from-enabled.ts';

describe('bool-from-enabled', () => {
  it.each([
    ['Enabled', true],
    ['ENABLED', true],
    [true, true],
    ['true', true],
    ['Suspended', false],
    ['Disabled', false],
    ['Off', false],
    ['DISABLED', false],
    [false, false],
    ['Pending', 'Pending'],
    [null, null],
  ])('%s → %s', (input, out) => {
    expect(boolFromEnabled(input)).toBe(out);
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.boolean()),
        (v) => boolFromEnabled(boolFromEnabled(v)) === boolFromEnabled(v),
      ),
    );
  });
});
