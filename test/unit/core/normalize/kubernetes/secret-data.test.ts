import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSecretData,
  k8sSecretStringData,
  secretAsText,
} from '../../../../../lib/core/normalize/kubernetes/secret-data.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('Secret data', () => {
  it('decodes base64 values to text, leaving non-base64 and sealed values alone', () => {
    expect(decodeSecretData({ a: 'aGk=', b: 'not base64!', c: { $sensitive: 'h' } })).toEqual({
      a: 'hi',
      b: 'not base64!',
      c: { $sensitive: 'h' },
    });
  });

  it('keeps a `__proto__` key as data, not as a prototype', () => {
    const out = decodeSecretData(JSON.parse('{"__proto__":"aGk="}')) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('hi');
  });

  it('merges stringData over decoded data, as the API server stores it', () => {
    expect(
      secretAsText({
        kind: 'Secret',
        data: { a: b64('from-data'), b: b64('x') },
        stringData: { a: 'from-string' },
      }),
    ).toEqual({ kind: 'Secret', data: { a: 'from-string', b: 'x' } });
    expect(secretAsText({ kind: 'ConfigMap', data: { a: 'aGk=' } })).toEqual({
      kind: 'ConfigMap',
      data: { a: 'aGk=' },
    });
  });

  it('encodes stringData into base64 data, so both spellings compare equal', () => {
    const viaString = k8sSecretStringData.apply({ kind: 'Secret', stringData: { p: 'pässwörd' } });
    const viaData = { kind: 'Secret', data: { p: b64('pässwörd') } };
    expect(viaString).toEqual(viaData);
  });

  it('round-trips any text through base64', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (plain) => {
        const encoded = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, b64(v)]));
        expect(decodeSecretData(encoded)).toEqual(plain);
      }),
    );
  });

  it('k8sSecretStringData is idempotent', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string()),
        fc.dictionary(fc.string(), fc.string()),
        (d, s) => {
          const once = k8sSecretStringData.apply({ kind: 'Secret', data: d, stringData: s });
          expect(k8sSecretStringData.apply(once)).toEqual(once);
        },
      ),
    );
  });
});
