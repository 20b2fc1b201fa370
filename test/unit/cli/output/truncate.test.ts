import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPair } from '../../../../lib/cli/output/safe-value.ts';
import { truncate, truncateMiddle, truncatePair } from '../../../../lib/cli/output/truncate.ts';

describe('truncation helpers', () => {
  it('truncate keeps short text and cuts long text to max code points', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('🚀🚀🚀🚀🚀🚀', 4)).toBe('🚀🚀🚀…');
  });
  it('truncateMiddle keeps both ends', () => {
    expect(truncateMiddle('/subscriptions/x/resourceGroups/rg/providers/vm-1', 21)).toBe(
      '/subscript…iders/vm-1',
    );
  });
  it('truncatePair shows the first difference', () => {
    const a = `${'p'.repeat(100)}AAAA${'s'.repeat(100)}`;
    const b = `${'p'.repeat(100)}BBBB${'s'.repeat(100)}`;
    const [x, y] = truncatePair(a, b, 40);
    expect(x).toBe(`…${'p'.repeat(10)}AAAA${'s'.repeat(24)}…`);
    expect(y).toBe(`…${'p'.repeat(10)}BBBB${'s'.repeat(24)}…`);
  });
  it('never exceeds the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        fc.integer({ min: 3, max: 80 }),
        (a, b, max) => {
          expect(Array.from(truncate(a, max)).length).toBeLessThanOrEqual(max);
          expect(Array.from(truncateMiddle(a, max)).length).toBeLessThanOrEqual(max);
          const [x, y] = truncatePair(a, b, max);
          const fits = Array.from(a).length <= max && Array.from(b).length <= max;
          if (fits) expect([x, y]).toEqual([a, b]);
          expect(Array.from(x).length).toBeLessThanOrEqual(max);
          expect(Array.from(y).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('displayPair', () => {
  it('shows only removed and added elements of long lists', () => {
    const web = { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.20.0.0/16'] };
    const ssh = { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] };
    expect(displayPair({ desired: [web], actual: [web, ssh] }, 100)).toEqual([
      '−[]',
      '+[{"protocol":"tcp","from_port":22,"to_port":22,"cidr_blocks":["0.0.0.0/0"]}]',
    ]);
    expect(displayPair({ desired: ['a'], actual: ['b'] }, 100)).toEqual(['["a"]', '["b"]']);
  });
});
