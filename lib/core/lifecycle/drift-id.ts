import type { Drift } from '../model/drift.ts';

/** What identifies a drift's resource within a target: the address when declared, the live id when unmanaged. */
export function driftIdentity(drift: Pick<Drift, 'kind' | 'address' | 'id'>): string {
  if (drift.kind === 'unmanaged' || drift.address === null) return drift.id;
  return drift.address;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(id: string): string {
  const bin = atob(id.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

// `|` and `%` in the target are escaped so the first `|` always ends it: no two
// (target, kind, identity) triples share an id. The kind is an enum without `|`, and the identity
// is last, so it may contain anything.
const escapeTarget = (t: string) => t.replace(/%/g, '%25').replace(/\|/g, '%7C');
const unescapeTarget = (t: string) => t.replace(/%7C/g, '|').replace(/%25/g, '%');

/** Stable, URL-safe, reversible record id of a drift in a target: base64url of `target|kind|identity`. */
export function driftId(target: string, drift: Pick<Drift, 'kind' | 'address' | 'id'>): string {
  return toBase64Url(`${escapeTarget(target)}|${drift.kind}|${driftIdentity(drift)}`);
}

/** Inverse of driftId; undefined when the text is not a drift id. */
export function parseDriftId(id: string): { target: string; kind: string; identity: string } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  let text: string;
  try {
    text = fromBase64Url(id);
  } catch {
    return undefined;
  }
  const first = text.indexOf('|');
  const second = text.indexOf('|', first + 1);
  if (first < 0 || second < 0) return undefined;
  const kind = text.slice(first + 1, second);
  if (kind !== 'changed' && kind !== 'missing' && kind !== 'unmanaged') return undefined;
  return { target: unescapeTarget(text.slice(0, first)), kind, identity: text.slice(second + 1) };
}
