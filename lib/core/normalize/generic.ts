import { isPlainObject } from '../diff/path.ts';
import type { Normalizer } from '../mapping/types.ts';
import { isSensitive } from '../model/sensitive.ts';
import { stableStringify } from '../model/stable-json.ts';

const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * Numbers vs numeric strings ("3" = 3, as the kubernetes provider and v3 flatmaps store numbers),
 * "true"/"false" vs booleans. Strings that would lose information as numbers (leading zeros such
 * as AWS account ids, integers past 2^53) stay strings.
 */
export function canonicalScalar(v: unknown): unknown {
  if (typeof v === 'string') {
    if (v === 'true') return true;
    if (v === 'false') return false;
    if (CANONICAL_NUMBER.test(v)) {
      const n = Number(v);
      if (Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
    }
  }
  return v;
}

/** True for values that mean "nothing set": null, undefined, '', [], {}. */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v) && !isSensitive(v)) return Object.keys(v).length === 0;
  return false;
}

function scalarsDeep(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = v.map(scalarsDeep);
    return out.length === 0 ? null : out;
  }
  if (isPlainObject(v) && !isSensitive(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      const n = scalarsDeep(val);
      if (!isEmptyValue(n)) out[k] = n;
    }
    return Object.keys(out).length === 0 ? null : out;
  }
  const s = canonicalScalar(v);
  return isEmptyValue(s) ? null : s;
}

/** Always first in every chain: scalar forms and empty-vs-null-vs-absent, deep. */
export const genericNormalizer: Normalizer = { name: 'generic-scalars-and-empties', apply: scalarsDeep };

/** Unordered collection: sorted by canonical JSON, duplicates dropped. Idempotent, order-insensitive. */
export const unorderedSet: Normalizer = {
  name: 'unordered-set',
  apply(v) {
    if (!Array.isArray(v)) return v;
    const byKey = new Map<string, unknown>();
    for (const item of v) byKey.set(stableStringify(item), item);
    return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
  },
};

/** A scalar that should be treated as a one-element list (and `[x]` as `x`'s list form). */
export const scalarAsList: Normalizer = {
  name: 'scalar-as-list',
  apply(v) {
    if (v === null || v === undefined || Array.isArray(v)) return v;
    return [v];
  },
};

/** Case-insensitive strings (ARM ids, enum values some APIs upper-case). */
export const lowerCase: Normalizer = {
  name: 'lower-case',
  apply(v) {
    if (typeof v === 'string') return v.toLowerCase();
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x));
    return v;
  },
};

/** Builds a normalizer from a pure function, for one-off transforms in mapping files. */
export function normalizer(name: string, apply: (v: unknown) => unknown): Normalizer {
  return { name, apply };
}
