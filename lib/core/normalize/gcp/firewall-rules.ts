import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { stableStringify } from '../../model/stable-json.ts';

// The API accepts protocol names or IANA numbers and returns what was sent.
const PROTOCOL_NUMBERS: Record<string, string> = {
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '50': 'esp',
  '51': 'ah',
  '132': 'sctp',
};

function canonicalProtocol(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).toLowerCase();
  return PROTOCOL_NUMBERS[s] ?? s;
}

/** One allow/deny entry: `{protocol, ports}` (provider) or `{IPProtocol, ports}` (API) → canonical. */
export function canonicalFirewallEntry(entry: Record<string, unknown>): Record<string, unknown> {
  const protocol = canonicalProtocol(entry.protocol ?? entry.IPProtocol);
  const raw = Array.isArray(entry.ports) ? entry.ports : entry.ports == null ? [] : [entry.ports];
  const ports = [...new Set(raw.map((p) => String(p)))].sort();
  return ports.length === 0 ? { protocol } : { protocol, ports };
}

/**
 * Firewall `allow`/`deny` (provider) vs `allowed`/`denied` (API) as an unordered set: protocol
 * names lower-cased, numbers mapped to names, ports as sorted strings. Idempotent.
 */
export const firewallEntrySet: Normalizer = {
  name: 'firewall-entry-set',
  apply(v) {
    if (!Array.isArray(v)) return v;
    const byKey = new Map<string, unknown>();
    for (const e of v) {
      const c = isPlainObject(e) ? canonicalFirewallEntry(e) : e;
      byKey.set(stableStringify(c), c);
    }
    return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
  },
};
