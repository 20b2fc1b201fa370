import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { stableStringify } from '../../model/stable-json.ts';
import { canonicalCidr } from './cidr.ts';

/**
 * One security-group rule with exactly one source, in the aws_security_group `ingress`/`egress`
 * vocabulary. Rules are split per source so that grouping (one rule with two CIDRs vs two rules)
 * is not drift.
 */
export interface CanonicalSgRule {
  protocol: string;
  from_port?: number;
  to_port?: number;
  cidr_blocks?: [string];
  ipv6_cidr_blocks?: [string];
  prefix_list_ids?: [string];
  security_groups?: [string];
  description?: string;
}

const PROTOCOL_NAMES: Record<string, string> = {
  all: '-1',
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
};

/** Canonical protocol text: `-1` for all, names for tcp/udp/icmp/icmpv6, numbers otherwise. */
export function canonicalProtocol(p: unknown): string {
  const s = String(p ?? '-1')
    .trim()
    .toLowerCase();
  return PROTOCOL_NAMES[s] ?? s;
}

function list(v: unknown): unknown[] {
  if (v === null || v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

// `123456789012/sg-0abc` (cross-account) and `sg-0abc` name the same group.
function groupRef(v: unknown): string | undefined {
  const s = str(v);
  return s === undefined ? undefined : s.slice(s.lastIndexOf('/') + 1);
}

type Source = Pick<
  CanonicalSgRule,
  'cidr_blocks' | 'ipv6_cidr_blocks' | 'prefix_list_ids' | 'security_groups'
>;
interface Sourced {
  source: Source;
  description?: string | undefined;
}

/** Sources of a Config `IpPermission` (ipv4Ranges/ipRanges, ipv6Ranges, prefixListIds, userIdGroupPairs). */
function configSources(p: Record<string, unknown>): Sourced[] {
  const out: Sourced[] = [];
  const v4 = list(p.ipv4Ranges);
  const v4List = v4.length > 0 ? v4 : list(p.ipRanges);
  for (const r of v4List) {
    const cidr = isPlainObject(r) ? str(r.cidrIp) : str(r);
    if (cidr)
      out.push({
        source: { cidr_blocks: [canonicalCidr(cidr)] },
        description: isPlainObject(r) ? str(r.description) : undefined,
      });
  }
  for (const r of list(p.ipv6Ranges)) {
    const cidr = isPlainObject(r) ? str(r.cidrIpv6) : str(r);
    if (cidr)
      out.push({
        source: { ipv6_cidr_blocks: [canonicalCidr(cidr)] },
        description: isPlainObject(r) ? str(r.description) : undefined,
      });
  }
  for (const r of list(p.prefixListIds)) {
    const id = isPlainObject(r) ? str(r.prefixListId) : str(r);
    if (id)
      out.push({
        source: { prefix_list_ids: [id] },
        description: isPlainObject(r) ? str(r.description) : undefined,
      });
  }
  for (const r of list(p.userIdGroupPairs)) {
    const id = isPlainObject(r) ? (groupRef(r.groupId) ?? str(r.groupName)) : groupRef(r);
    if (id)
      out.push({
        source: { security_groups: [id] },
        description: isPlainObject(r) ? str(r.description) : undefined,
      });
  }
  return out;
}

/** Sources of a Terraform rule (inline ingress/egress, aws_security_group_rule, aws_vpc_security_group_*_rule). */
function terraformSources(r: Record<string, unknown>, selfId: string | undefined): Sourced[] {
  const description = str(r.description);
  const out: Source[] = [];
  for (const c of [...list(r.cidr_blocks), ...list(r.cidr_ipv4)])
    if (str(c)) out.push({ cidr_blocks: [canonicalCidr(str(c)!)] });
  for (const c of [...list(r.ipv6_cidr_blocks), ...list(r.cidr_ipv6)])
    if (str(c)) out.push({ ipv6_cidr_blocks: [canonicalCidr(str(c)!)] });
  for (const id of [...list(r.prefix_list_ids), ...list(r.prefix_list_id)])
    if (str(id)) out.push({ prefix_list_ids: [str(id)!] });
  const groups = [
    ...list(r.security_groups),
    ...list(r.source_security_group_id),
    ...list(r.referenced_security_group_id),
  ];
  if ((r.self === true || r.self === 'true') && selfId) groups.push(selfId);
  for (const g of groups) if (groupRef(g)) out.push({ security_groups: [groupRef(g)!] });
  return out.map((source) => ({ source, description }));
}

function port(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Splits one rule (Terraform or Config shape) into canonical single-source rules. */
export function canonicalRulesOf(rule: unknown, selfId?: string): CanonicalSgRule[] {
  if (!isPlainObject(rule)) return [];
  const isConfig = 'ipProtocol' in rule;
  const protocol = canonicalProtocol(isConfig ? rule.ipProtocol : (rule.protocol ?? rule.ip_protocol));
  const from = port(isConfig ? rule.fromPort : rule.from_port);
  const to = port(isConfig ? rule.toPort : rule.to_port);
  const sources = isConfig ? configSources(rule) : terraformSources(rule, selfId);
  return sources.map(({ source, description }) => {
    // Protocol -1 covers every port: Terraform stores 0/0, EC2 omits them (or says -1).
    const ports = protocol === '-1' ? {} : { from_port: from ?? -1, to_port: to ?? -1 };
    return { protocol, ...ports, ...source, ...(description ? { description } : {}) };
  });
}

/** Every rule of a list, canonical, sorted and de-duplicated. */
export function canonicalRules(rules: unknown, selfId?: string): CanonicalSgRule[] {
  const byKey = new Map<string, CanonicalSgRule>();
  for (const r of list(rules)) for (const c of canonicalRulesOf(r, selfId)) byKey.set(stableStringify(c), c);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

/** Same rule ignoring its description (for "is this rule present at all"). */
export function sameRuleIgnoringDescription(a: CanonicalSgRule, b: CanonicalSgRule): boolean {
  const { description: _a, ...ra } = a;
  const { description: _b, ...rb } = b;
  return stableStringify(ra) === stableStringify(rb);
}

/**
 * Security-group rule lists (Terraform ingress/egress blocks or Config ipPermissions) → canonical
 * single-source rules, sorted: idempotent and insensitive to rule order and grouping.
 */
export const securityGroupRules: Normalizer = {
  name: 'security-group-rules',
  apply(v) {
    if (v === null || v === undefined) return v;
    if (!Array.isArray(v) && !isPlainObject(v)) return v;
    return canonicalRules(v);
  },
};
