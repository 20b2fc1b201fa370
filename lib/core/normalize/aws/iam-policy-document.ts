import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { stableStringify } from '../../model/stable-json.ts';
import { parseJsonDocument } from './json-document.ts';

// IAM stores (and AWS Config exports) policy documents URL-encoded: `%7B%22Version%22...`.
function urlDecoded(text: string): string {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[') || !/^%7B|^%5B|%22/i.test(t)) return t;
  try {
    return decodeURIComponent(t.replace(/\+/g, '%20'));
  } catch {
    return t;
  }
}

const STATEMENT_KEYS: Record<string, string> = Object.fromEntries(
  [
    'Sid',
    'Effect',
    'Principal',
    'NotPrincipal',
    'Action',
    'NotAction',
    'Resource',
    'NotResource',
    'Condition',
  ].map((k) => [k.toLowerCase(), k]),
);
const LIST_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

/** A string-or-list value as a sorted, de-duplicated list of strings (IAM treats them as sets). */
function stringSet(v: unknown): unknown {
  const list = Array.isArray(v) ? v : [v];
  if (list.some((x) => typeof x === 'object' && x !== null)) return v;
  return [...new Set(list.map((x) => String(x)))].sort();
}

// IAM rewrites a bare account id principal to its root ARN when storing the policy.
function principalId(id: string): string {
  return /^\d{12}$/.test(id) ? `arn:aws:iam::${id}:root` : id;
}

function principal(v: unknown): unknown {
  // "*" (everyone, including anonymous) is NOT {"AWS":"*"} (any AWS principal): keep them apart.
  if (typeof v === 'string' || !isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const set = stringSet(val);
    out[k] =
      k === 'AWS' && Array.isArray(set) ? [...new Set(set.map((x) => principalId(String(x))))].sort() : set;
  }
  return out;
}

function condition(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [op, block] of Object.entries(v)) {
    if (!isPlainObject(block)) {
      out[op] = block;
      continue;
    }
    const inner: Record<string, unknown> = {};
    for (const [key, val] of Object.entries(block)) inner[key] = stringSet(val);
    out[op] = inner;
  }
  return out;
}

function statement(s: unknown): unknown {
  if (!isPlainObject(s)) return s;
  const out: Record<string, unknown> = {};
  for (const [rawKey, val] of Object.entries(s)) {
    const key = STATEMENT_KEYS[rawKey.toLowerCase()] ?? rawKey;
    if (key === 'Sid' && (val === '' || val === null)) continue;
    if (LIST_KEYS.has(key)) out[key] = stringSet(val);
    else if (key === 'Principal' || key === 'NotPrincipal') out[key] = principal(val);
    else if (key === 'Condition') out[key] = condition(val);
    else out[key] = val;
  }
  return out;
}

/** Canonical policy object: key case, Statement as a sorted list, string-or-list values as sorted sets. */
export function canonicalPolicy(doc: unknown): unknown {
  if (!isPlainObject(doc)) return doc;
  const out: Record<string, unknown> = {};
  for (const [rawKey, val] of Object.entries(doc)) {
    const lower = rawKey.toLowerCase();
    const key =
      lower === 'version' ? 'Version' : lower === 'statement' ? 'Statement' : lower === 'id' ? 'Id' : rawKey;
    if (key === 'Statement') {
      const list = (Array.isArray(val) ? val : [val]).map(statement);
      out[key] = list
        .map((st) => [stableStringify(st), st] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, st]) => st);
    } else out[key] = val;
  }
  return out;
}

/**
 * IAM policy document (text, URL-encoded text or object) → canonical JSON text. Text that is not a
 * JSON document stays as is, so a broken policy still shows as a difference rather than vanishing.
 */
export const iamPolicyDocument: Normalizer = {
  name: 'iam-policy-document',
  apply(v) {
    if (v === null || v === undefined) return v;
    const raw = typeof v === 'string' ? urlDecoded(v) : v;
    if (raw === '') return null;
    const parsed = parseJsonDocument(raw);
    if (!isPlainObject(parsed)) return raw;
    return stableStringify(canonicalPolicy(parsed));
  },
};
