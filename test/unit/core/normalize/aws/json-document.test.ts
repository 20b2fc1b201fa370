import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDocument } from '../../../../../lib/core/normalize/aws/json-document.ts';

const n = (v: unknown) => jsonDocument.apply(v);

describe('json-document', () => {
  it('key order, whitespace and numeric strings do not matter', () => {
    expect(n('{"maxReceiveCount":"5", "deadLetterTargetArn":"arn:q"}')).toBe(
      n({ deadLetterTargetArn: 'arn:q', maxReceiveCount: 5 }),
    );
    expect(n('{"a":1}')).toBe('{"a":1}');
  });

  it('values that differ stay different; non-JSON text is kept', () => {
    expect(n('{"maxReceiveCount":5}')).not.toBe(n('{"maxReceiveCount":6}'));
    expect(n('plain')).toBe('plain');
    expect(n('  ')).toBeNull();
  });

  it('property: idempotent and insensitive to key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        const once = n(JSON.stringify(obj));
        return n(once) === once && n(reversed) === once;
      }),
    );
  });
});
