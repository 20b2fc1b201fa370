import { setOwn } from './own.ts';

// Terraform < 0.12 stored attributes as a flat string map ("flatmap"): `tags.% = 2` counts a map,
// `ingress.# = 1` counts a list or set, `ingress.1234567.from_port` is an element of a set keyed
// by its hash, `list.0.x` an element of a list. Maps hold only primitives in that SDK, so a map
// key is the whole remainder (`tags.kubernetes.io/role/elb`) unless it introduces its own counter.
// Values stay strings: the diff compares "3" and 3 alike.

type Entry = readonly [rest: string, value: unknown];

const INDEX = /^~?-?\d+$/;

/** Turns a flatmap into nested JSON: maps from `%`, lists from `#`, hashed set keys into list order. */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  return buildObject(Object.entries(flat));
}

function splitFirst(key: string): [string, string | null] {
  const dot = key.indexOf('.');
  return dot < 0 ? [key, null] : [key.slice(0, dot), key.slice(dot + 1)];
}

function group(
  entries: readonly Entry[],
): Map<string, { exact: unknown; hasExact: boolean; children: Entry[] }> {
  const groups = new Map<string, { exact: unknown; hasExact: boolean; children: Entry[] }>();
  for (const [key, value] of entries) {
    const [head, rest] = splitFirst(key);
    let g = groups.get(head);
    if (!g) {
      g = { exact: undefined, hasExact: false, children: [] };
      groups.set(head, g);
    }
    if (rest === null) {
      g.exact = value;
      g.hasExact = true;
    } else g.children.push([rest, value]);
  }
  return groups;
}

function buildObject(entries: readonly Entry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, g] of group(entries)) setOwn(out, name, buildValue(g.exact, g.children));
  return out;
}

function buildValue(exact: unknown, children: readonly Entry[]): unknown {
  if (children.length === 0) return exact;
  const hasMapCounter = children.some(([r]) => r === '%');
  const hasListCounter = children.some(([r]) => r === '#');
  const rest = children.filter(([r]) => r !== '%' && r !== '#');
  if (hasMapCounter && !hasListCounter) return buildMap(rest);
  const numeric = rest.every(([r]) => INDEX.test(splitFirst(r)[0]));
  if (hasListCounter) return numeric ? buildList(rest) : buildMap(rest); // v1/v2 counted maps with `#`
  return numeric && rest.length > 0 ? buildList(rest) : buildObject(rest);
}

function buildMap(entries: readonly Entry[]): Record<string, unknown> {
  // Keys that carry their own counter (`k.%`, `k.#`) are nested containers; all others are literal.
  const containers = new Set<string>();
  for (const [r] of entries) {
    if (r.endsWith('.%') || r.endsWith('.#')) containers.add(r.slice(0, -2));
  }
  const out: Record<string, unknown> = {};
  const nested = new Map<string, Entry[]>();
  for (const [r, v] of entries) {
    const owner = containerOf(r, containers);
    if (owner === null) setOwn(out, r, v);
    else {
      const list = nested.get(owner) ?? [];
      list.push([r.slice(owner.length + 1), v]);
      nested.set(owner, list);
    }
  }
  for (const [k, list] of nested) setOwn(out, k, buildValue(undefined, list));
  return out;
}

function containerOf(r: string, containers: ReadonlySet<string>): string | null {
  if (containers.size === 0) return null;
  let best: string | null = null;
  for (const c of containers) {
    if (r.startsWith(`${c}.`) && (best === null || c.length > best.length)) best = c;
  }
  return best;
}

function buildList(entries: readonly Entry[]): unknown[] {
  const groups = group(entries);
  // List indices keep their order; set hash codes are sorted numerically, a stable order.
  const keys = [...groups.keys()].sort((a, b) => num(a) - num(b) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => {
    const g = groups.get(k)!;
    return buildValue(g.exact, g.children);
  });
}

function num(k: string): number {
  return Number(k.replace('~', ''));
}
