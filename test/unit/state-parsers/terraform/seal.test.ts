import { describe, expect, it } from 'vitest';
import { sealAtPath, sealByHeuristics, sealDeep } from '../../../../state-parsers/terraform/seal.ts';
import { parseSensitivePaths } from '../../../../state-parsers/terraform/sensitive-paths.ts';
import { testHasher } from './helpers.ts';

const s = (v: string) => ({ $sensitive: testHasher(v) });

describe('sensitive paths', () => {
  it('parses get_attr and index steps (number, string, set element) and cuts at unknown steps', () => {
    expect(
      parseSensitivePaths([
        [
          { type: 'get_attr', value: 'a' },
          { type: 'index', value: { value: 0, type: 'number' } },
        ],
        [{ type: 'index', value: { value: 'k', type: 'string' } }],
        [
          { type: 'get_attr', value: 'set' },
          { type: 'index', value: { value: { x: 1 }, type: ['object', {}] } },
        ],
        [{ type: 'get_attr', value: 'p' }, { type: 'weird' }, { type: 'get_attr', value: 'q' }],
        [{ type: 'weird' }],
        'legacy',
        'not-a-path-list-entry'.length,
      ]),
    ).toEqual([['a', 0], ['k'], ['set', { set: true }], ['p'], ['legacy']]);
    expect(parseSensitivePaths(null)).toEqual([]);
  });

  it('seals leaves under the path, keeps empties, and ignores paths that lead nowhere', () => {
    const attrs: Record<string, unknown> = { a: [{ b: 'x', c: ['y', ''] }], d: 'keep', n: null };
    sealAtPath(attrs, ['a', 0], testHasher);
    sealAtPath(attrs, ['missing', 'x'], testHasher);
    sealAtPath(attrs, ['n'], testHasher);
    expect(attrs).toEqual({ a: [{ b: s('x'), c: [s('y'), ''] }], d: 'keep', n: null });
  });

  it('seals the whole collection when a path keys into a list or steps into a scalar', () => {
    // cty writes an index into a set of strings as the element itself: {"value":"b","type":"string"}.
    const attrs: Record<string, unknown> = {
      tokens: ['a', 'b'],
      blocks: [{ key: 'v' }],
      json: 'plain-text-value',
      short: ['x'],
    };
    sealAtPath(attrs, ['tokens', 'b'], testHasher);
    sealAtPath(attrs, ['blocks', 'key'], testHasher);
    sealAtPath(attrs, ['json', 'inner'], testHasher);
    sealAtPath(attrs, ['short', 5], testHasher);
    expect(attrs).toEqual({
      tokens: [s('a'), s('b')],
      blocks: [{ key: s('v') }],
      json: s('plain-text-value'),
      short: ['x'],
    });
  });

  it('seals numbers and booleans alike under a sensitive path', () => {
    expect(sealDeep({ port: 5432, on: true }, testHasher)).toEqual({ port: s('5432'), on: s('true') });
  });
});

describe('heuristic sealing', () => {
  it('seals secret names at any depth, including map keys, and secret-looking strings anywhere', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const out = sealByHeuristics(
      {
        environment: [{ variables: { DB_PASSWORD: 'pw-123', LOG_LEVEL: 'info', NOTE: jwt } }],
        kms_key_id: 'arn:aws:kms:eu-west-1:123456789012:key/abc',
        secret_string: '',
      },
      testHasher,
    );
    expect(out).toEqual({
      environment: [{ variables: { DB_PASSWORD: s('pw-123'), LOG_LEVEL: 'info', NOTE: s(jwt) } }],
      kms_key_id: 'arn:aws:kms:eu-west-1:123456789012:key/abc',
      secret_string: '',
    });
  });
});
