import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../../../../lib/core/model/stable-json.ts';
import { unflatten } from '../../../../state-parsers/terraform/flatmap.ts';

describe('unflatten', () => {
  it('builds maps from % and lists from #, keeping string values', () => {
    expect(
      unflatten({
        'tags.%': '2',
        'tags.env': 'prod',
        'tags.a.b/c': 'x',
        'names.#': '2',
        'names.0': 'a',
        'names.1': 'b',
      }),
    ).toEqual({ tags: { env: 'prod', 'a.b/c': 'x' }, names: ['a', 'b'] });
  });

  it('orders list indexes numerically and hashed set keys by hash', () => {
    const flat: Record<string, string> = { 'l.#': '11' };
    for (let i = 0; i < 11; i++) flat[`l.${i}`] = String(i);
    expect(unflatten(flat).l).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(unflatten({ 's.#': '2', 's.99.p': 'b', 's.12.p': 'a' }).s).toEqual([{ p: 'a' }, { p: 'b' }]);
  });

  it('handles nested blocks with their own counters, empty counters and v1 maps counted with #', () => {
    expect(
      unflatten({
        'config.#': '1',
        'config.345861710.organization': 'hashicorp',
        'config.345861710.workspaces.#': '1',
        'config.345861710.workspaces.0.%': '1',
        'config.345861710.workspaces.0.name': 'test',
        'empty.#': '0',
        'none.%': '0',
        'triggers.#': '1',
        'triggers.what': '0',
      }),
    ).toEqual({
      config: [{ organization: 'hashicorp', workspaces: [{ name: 'test' }] }],
      empty: [],
      none: {},
      triggers: { what: '0' },
    });
  });

  it('keeps an attribute called __proto__ as data', () => {
    const out = unflatten({ '__proto__.%': '1', '__proto__.x': 'y' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
  });

  it('never throws and is independent of key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z0-9.%#~_]{0,12}$/), fc.string()), (flat) => {
        const reversed = Object.fromEntries(Object.entries(flat).reverse());
        expect(stableStringify(unflatten(reversed))).toBe(stableStringify(unflatten(flat)));
      }),
    );
  });
});
