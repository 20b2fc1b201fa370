import type { Severity } from '../model/drift.ts';
import { isPlainObject } from '../model/plain-object.ts';
import { policyGainsWildcard } from './policy-wildcards.ts';
import type { ChangeInput } from './types.ts';
import { asList, isOff, isOn, lastSegment, stringsIn } from './values.ts';

const PUBLIC_PRINCIPALS = [
  'allusers',
  'allauthenticatedusers',
  'http://acs.amazonaws.com/groups/global/allusers',
  'http://acs.amazonaws.com/groups/global/authenticatedusers',
];
const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];
// Azure source prefixes that mean "anyone": `*`, the Internet service tag, Any.
const OPEN_AZURE_SOURCES = ['*', 'internet', 'any', '0.0.0.0/0', '::/0', '0.0.0.0'];
const PUBLIC_ACLS = [
  'public-read',
  'public-read-write',
  'authenticated-read',
  'publicread',
  'publicreadwrite',
];

// Flags whose flip opens access. `true` here means off→on opens it, `false` means on→off does.
const OPENING_FLAGS: Record<string, boolean> = {
  publicly_accessible: true,
  allow_blob_public_access: true,
  allow_nested_items_to_be_public: true,
  allowBlobPublicAccess: true,
  privileged: true,
  host_network: true,
  hostNetwork: true,
  host_pid: true,
  hostPID: true,
  block_public_acls: false,
  block_public_policy: false,
  ignore_public_acls: false,
  restrict_public_buckets: false,
};

const POLICY_SEGMENT =
  /(^|\.)(policy|assume_role_policy|inline_policy|policy_document|policy_data|access_policy|Statement|Action|Principal)(\.|$)/;
const OUTBOUND =
  /(^|\.)(egress|outbound|destination_ranges|destination_address_prefix(es)?)(\.|$)|egress_rule/;
const AZURE_SOURCE = /(^|\.)source_address_prefix(es)?$/;
// Whole NSG rule lists mix inbound and outbound rules: judged rule by rule, not by their strings.
const AZURE_RULES = /(^|\.)security_rule$/;

function gains(desired: unknown, actual: unknown, tokens: string[]): boolean {
  const before = stringsIn(desired);
  const after = stringsIn(actual);
  return tokens.some((t) => after.has(t) && !before.has(t));
}

/** Inbound Allow rules of an NSG rule list whose source is anyone, keyed by port and protocol. */
function openInboundRules(v: unknown): Set<string> {
  const out = new Set<string>();
  for (const r of asList(v)) {
    if (!isPlainObject(r)) continue;
    const dir = String(r.direction ?? '').toLowerCase();
    const access = String(r.access ?? '').toLowerCase();
    if (dir !== 'inbound' || access !== 'allow') continue;
    const sources = [...asList(r.source_address_prefix), ...asList(r.source_address_prefixes)];
    if (!sources.some((s) => typeof s === 'string' && OPEN_AZURE_SOURCES.includes(s.toLowerCase()))) continue;
    const ports = [...asList(r.destination_port_range), ...asList(r.destination_port_ranges)].join(',');
    out.add(`${String(r.protocol ?? '*').toLowerCase()}|${ports}`);
  }
  return out;
}

function gainsOpenInbound(desired: unknown, actual: unknown): boolean {
  const before = openInboundRules(desired);
  for (const k of openInboundRules(actual)) if (!before.has(k)) return true;
  return false;
}

function flagOpens(name: string, desired: unknown, actual: unknown): boolean {
  const opensWhenOn = OPENING_FLAGS[name];
  if (opensWhenOn === undefined) return false;
  return opensWhenOn ? isOff(desired) && isOn(actual) : isOn(desired) && isOff(actual);
}

function lowerString(v: unknown): string {
  return typeof v === 'string' ? v.trim().toLowerCase() : '';
}

/** `critical` when a security change opens access to everyone; otherwise null (keep the row's severity). */
export function opensAccess(c: ChangeInput): Severity | null {
  const { path, desired, actual } = c;
  const name = lastSegment(path);
  const open =
    flagOpens(name, desired, actual) ||
    gains(desired, actual, PUBLIC_PRINCIPALS) ||
    (POLICY_SEGMENT.test(path) && policyGainsWildcard(path, desired, actual)) ||
    (!OUTBOUND.test(path) && !AZURE_RULES.test(path) && gains(desired, actual, OPEN_CIDRS)) ||
    (AZURE_SOURCE.test(path) && gains(desired, actual, OPEN_AZURE_SOURCES)) ||
    gainsOpenInbound(desired, actual) ||
    (/^(acl|predefined_acl)$/.test(name) &&
      PUBLIC_ACLS.includes(lowerString(actual)) &&
      !PUBLIC_ACLS.includes(lowerString(desired))) ||
    (/^default_?action$/i.test(name) && lowerString(desired) === 'deny' && lowerString(actual) === 'allow') ||
    (name === 'public_access_prevention' &&
      lowerString(desired) === 'enforced' &&
      lowerString(actual) !== 'enforced');
  return open ? 'critical' : null;
}
