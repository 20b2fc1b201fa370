import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCidr, cidrNormalizer } from '../../../../../lib/core/normalize/aws/cidr.ts';

describe('cidr', () => {
  it.each([
    ['10.000.1.0/24', '10.0.1.0/24'],
    ['2001:DB8:0:0::/56', '2001:db8::/56'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001/128', '2001:db8::1/128'],
    ['::/0', '::/0'],
    ['0:0:0:0:0:0:0:0/0', '::/0'],
    ['fe80:0:0:1:0:0:0:1/64', 'fe80:0:0:1::1/64'],
    ['1:0:0:2:0:0:3:4/64', '1::2:0:0:3:4/64'],
    ['::ffff:10.0.0.1/128', '::ffff:a00:1/128'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    [' 10.1.2.3/32 ', '10.1.2.3/32'],
    ['not-a-cidr', 'not-a-cidr'],
    ['1::2::3/64', '1::2::3/64'],
  ])('%s → %s', (input, out) => {
    expect(canonicalCidr(input)).toBe(out);
  });

  it('lists are normalized element-wise', () => {
    expect(cidrNormalizer.apply(['2001:DB8::/32', '010.0.0.0/8'])).toEqual(['2001:db8::/32', '10.0.0.0/8']);
  });

  it('property: idempotent on IPv6 and IPv4 text', () => {
    const hextet = fc.integer({ min: 0, max: 0xffff }).map((x) => x.toString(16).toUpperCase());
    const v6 = fc.tuple(fc.array(hextet, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 128 }));
    fc.assert(
      fc.property(v6, ([groups, p]) => {
        const once = canonicalCidr(`${groups.join(':')}/${p}`);
        return canonicalCidr(once) === once && once === once.toLowerCase() && !once.includes(':::');
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, p) => {
        const once = canonicalCidr(`${ip}/${p}`);
        return canonicalCidr(once) === once;
      }),
    );
  });
});
