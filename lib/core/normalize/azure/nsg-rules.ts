import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { stableStringify } from '../../model/stable-json.ts';

// Singular/plural pairs: ARM and the provider use one or the other (`*` vs `[]`, `22` vs `["22"]`).
const MERGED: readonly [string, string, string][] = [
  ['source_port_range', 'source_port_ranges', 'source_port_ranges'],
  ['destination_port_range', 'destination_port_ranges', 'destination_port_ranges'],
  ['source_address_prefix', 'source_address_prefixes', 'source_address_prefixes'],
  ['destination_address_prefix', 'destination_address_prefixes', 'destination_address_prefixes'],
];
const ID_SETS = ['source_application_security_group_ids', 'destination_application_security_group_ids'];
const ENUMS = ['direction', 'access', 'protocol'];

function asList(v: unknown): unknown[] {
  if (v === null || v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

// Ports, prefixes and service tags are case-insensitive strings ("Internet" = "internet").
function stringSet(...vs: unknown[]): string[] | undefined {
  const out = new Set<string>();
  for (const v of vs) for (const x of asList(v)) if (x !== null && x !== '') out.add(String(x).toLowerCase());
  return out.size === 0 ? undefined : [...out].sort();
}

/** One rule in a canonical shape: enums lower-cased, singular/plural fields merged into sorted sets. */
export function canonicalNsgRule(rule: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rule.name !== undefined && rule.name !== null) out.name = rule.name;
  if (rule.priority !== undefined && rule.priority !== null) out.priority = Number(rule.priority);
  for (const k of ENUMS) if (typeof rule[k] === 'string') out[k] = (rule[k] as string).toLowerCase();
  if (typeof rule.description === 'string' && rule.description !== '') out.description = rule.description;
  for (const [one, many, to] of MERGED) {
    const set = stringSet(rule[one], rule[many]);
    if (set) out[to] = set;
  }
  for (const k of ID_SETS) {
    const set = stringSet(rule[k]);
    if (set) out[k] = set;
  }
  return out;
}

/**
 * NSG rules as an unordered set of canonical rules (ARM returns them in any order; the provider
 * stores a hashed set). Idempotent and order-insensitive.
 */
export const nsgRuleSet: Normalizer = {
  name: 'nsg-rule-set',
  apply(v) {
    if (!Array.isArray(v)) return v;
    return v
      .map((r) => (isPlainObject(r) ? canonicalNsgRule(r) : r))
      .sort((a, b) => (stableStringify(a) < stableStringify(b) ? -1 : 1));
  },
};

const ARM_TO_TF: Record<string, string> = {
  priority: 'priority',
  direction: 'direction',
  access: 'access',
  protocol: 'protocol',
  description: 'description',
  sourcePortRange: 'source_port_range',
  sourcePortRanges: 'source_port_ranges',
  destinationPortRange: 'destination_port_range',
  destinationPortRanges: 'destination_port_ranges',
  sourceAddressPrefix: 'source_address_prefix',
  sourceAddressPrefixes: 'source_address_prefixes',
  destinationAddressPrefix: 'destination_address_prefix',
  destinationAddressPrefixes: 'destination_address_prefixes',
};

function asgIds(v: unknown): string[] {
  return asList(v).flatMap((x) => (isPlainObject(x) && typeof x.id === 'string' ? [x.id] : []));
}

/** An ARM securityRules[] entry (`{name, properties:{...}}`, or flattened) in the provider's shape. */
export function armSecurityRuleToTerraform(rule: unknown): Record<string, unknown> | null {
  if (!isPlainObject(rule)) return null;
  const props = isPlainObject(rule.properties) ? rule.properties : rule;
  const out: Record<string, unknown> = { name: rule.name };
  for (const [arm, tf] of Object.entries(ARM_TO_TF)) if (props[arm] !== undefined) out[tf] = props[arm];
  out.source_application_security_group_ids = asgIds(props.sourceApplicationSecurityGroups);
  out.destination_application_security_group_ids = asgIds(props.destinationApplicationSecurityGroups);
  return out;
}
