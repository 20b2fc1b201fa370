import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../../../../../lib/core/model/stable-json.ts';
import {
  canonicalProtocol,
  canonicalRules,
  securityGroupRules,
} from '../../../../../lib/core/normalize/aws/security-group-rules.ts';

describe('security-group-rules', () => {
  it('protocol spellings', () => {
    expect(['-1', 'all', -1].map(canonicalProtocol)).toEqual(['-1', '-1', '-1']);
    expect(['6', 6, 'TCP'].map(canonicalProtocol)).toEqual(['tcp', 'tcp', 'tcp']);
    expect(canonicalProtocol('50')).toBe('50');
  });

  it('a Terraform block with two CIDRs equals two Config ranges; -1 drops ports', () => {
    const tf = [
      {
        protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_blocks: ['10.0.0.0/8', '192.168.0.0/16'],
        description: 'x',
      },
      { protocol: '-1', from_port: 0, to_port: 0, self: true },
    ];
    const cfg = [
      { ipProtocol: '-1', userIdGroupPairs: [{ groupId: 'sg-1', userId: '123456789012' }] },
      {
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        ipv4Ranges: [
          { cidrIp: '192.168.0.0/16', description: 'x' },
          { cidrIp: '10.0.0.0/8', description: 'x' },
        ],
        ipRanges: ['192.168.0.0/16', '10.0.0.0/8'],
      },
    ];
    expect(canonicalRules(tf, 'sg-1')).toEqual(canonicalRules(cfg));
    expect(canonicalRules(cfg)).toEqual([
      { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'], description: 'x' },
      { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['192.168.0.0/16'], description: 'x' },
      { protocol: '-1', security_groups: ['sg-1'] },
    ]);
  });

  it('legacy ipRanges strings are read when ipv4Ranges is missing; cross-account group refs', () => {
    expect(
      canonicalRules([{ ipProtocol: 'udp', fromPort: 53, toPort: 53, ipRanges: ['10.0.0.0/8'] }]),
    ).toEqual([{ protocol: 'udp', from_port: 53, to_port: 53, cidr_blocks: ['10.0.0.0/8'] }]);
    expect(
      canonicalRules([{ protocol: 'tcp', from_port: 1, to_port: 2, security_groups: ['111122223333/sg-9'] }]),
    ).toEqual([{ protocol: 'tcp', from_port: 1, to_port: 2, security_groups: ['sg-9'] }]);
  });

  it('a different port is a different rule', () => {
    const a = canonicalRules([{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }]);
    const b = canonicalRules([
      { protocol: 'tcp', from_port: 2222, to_port: 2222, cidr_blocks: ['0.0.0.0/0'] },
    ]);
    expect(a).not.toEqual(b);
  });

  const tfRule = fc.record({
    protocol: fc.constantFrom('tcp', '6', 'udp', '-1', 'icmp'),
    from_port: fc.integer({ min: 0, max: 65535 }),
    to_port: fc.integer({ min: 0, max: 65535 }),
    cidr_blocks: fc.array(fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '172.16.0.0/12'), { maxLength: 3 }),
    ipv6_cidr_blocks: fc.array(fc.constantFrom('::/0', '2001:db8::/32'), { maxLength: 2 }),
    description: fc.constantFrom('', 'web'),
  });

  it('property: idempotent and insensitive to rule order and CIDR grouping', () => {
    fc.assert(
      fc.property(fc.array(tfRule, { maxLength: 6 }), (rules) => {
        const once = securityGroupRules.apply(rules);
        const again = securityGroupRules.apply(once);
        // Split every block into one block per CIDR, reversed: the same rule set.
        const split = rules
          .flatMap((r) => [
            ...r.cidr_blocks.map((c) => ({ ...r, cidr_blocks: [c], ipv6_cidr_blocks: [] })),
            ...r.ipv6_cidr_blocks.map((c) => ({ ...r, cidr_blocks: [], ipv6_cidr_blocks: [c] })),
          ])
          .reverse();
        return (
          stableStringify(again) === stableStringify(once) &&
          stableStringify(securityGroupRules.apply(split)) === stableStringify(once)
        );
      }),
    );
  });
});
