import type { Normalizer } from '../../mapping/types.ts';

function canonicalIpv4(addr: string): string | null {
  const parts = addr.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.map((p) => String(Number(p))).join('.');
}

function expandIpv6(addr: string): number[] | null {
  let text = addr.toLowerCase();
  // An embedded IPv4 tail (::ffff:10.0.0.1) is rewritten as two hextets first.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const c = canonicalIpv4(v4[1]!);
    if (!c) return null;
    const o = c.split('.').map(Number);
    const hi = ((o[0]! << 8) | o[1]!).toString(16);
    const lo = ((o[2]! << 8) | o[3]!).toString(16);
    text = `${text.slice(0, -v4[1]!.length)}${hi}:${lo}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some((h) => !/^[0-9a-f]{1,4}$/.test(h))) return null;
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  if (fill < 0 || (halves.length === 2 && fill === 0) || (halves.length === 1 && head.length !== 8))
    return null;
  return [...head, ...Array<string>(fill).fill('0'), ...rest].map((h) => Number.parseInt(h, 16));
}

/** RFC 5952 text: lower case, no leading zeros, the longest run (>1) of zero groups as `::`. */
function compressIpv6(h: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < h.length; ) {
    if (h[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < h.length && h[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = h.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Canonical CIDR (or address) text: `10.000.0.0/8` → `10.0.0.0/8`, `2001:DB8:0:0::/32` → `2001:db8::/32`. */
export function canonicalCidr(text: string): string {
  const trimmed = text.trim();
  const [addr, prefix, ...extra] = trimmed.split('/');
  if (extra.length > 0 || addr === undefined) return trimmed;
  const pfx = prefix === undefined ? '' : /^\d{1,3}$/.test(prefix) ? `/${Number(prefix)}` : null;
  if (pfx === null) return trimmed;
  const v4 = canonicalIpv4(addr);
  if (v4) return v4 + pfx;
  const v6 = addr.includes(':') ? expandIpv6(addr) : null;
  return v6 ? compressIpv6(v6) + pfx : trimmed;
}

/** CIDR strings (or lists of them) in canonical text; anything else unchanged. */
export const cidrNormalizer: Normalizer = {
  name: 'cidr',
  apply(v) {
    if (typeof v === 'string') return canonicalCidr(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? canonicalCidr(x) : x));
    return v;
  },
};
