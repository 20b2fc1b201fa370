import { isPlainObject } from '../../lib/core/model/plain-object.ts';
import {
  isSecretName,
  isSensitive,
  looksLikeSecret,
  type SensitiveHasher,
  sensitive,
} from '../../lib/core/model/sensitive.ts';
import { setOwn } from './own.ts';

// Secrets are sealed leaf by leaf: a sensitive map or block keeps its shape (keys are not secret,
// and per-key comparison stays possible) while every value in it becomes a keyed hash. Empty
// values (null, '') carry no secret and stay as they are so "absent vs empty" rules still work.

/** One step of a `sensitive_attributes` path: an attribute/map key or a list index. */
export type PathStep = string | number | { set: true };

/** Seals every non-empty leaf in `v`. */
export function sealDeep(v: unknown, hasher: SensitiveHasher): unknown {
  if (v === null || v === undefined || v === '' || isSensitive(v)) return v;
  if (Array.isArray(v)) return v.map((x) => sealDeep(x, hasher));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) setOwn(out, k, sealDeep(v[k], hasher));
    return out;
  }
  return sensitive(hasher, v);
}

/**
 * Seals the value at `path` in place. A set step (`{ set: true }`, a cty set element we cannot
 * address) seals the whole collection, erring on the side of hiding.
 */
export function sealAtPath(root: Record<string, unknown>, path: PathStep[], hasher: SensitiveHasher): void {
  let parent: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    const key = typeof step === 'object' ? null : step;
    const container = parent as Record<string | number, unknown>;
    const fits =
      key !== null &&
      ((Array.isArray(parent) && typeof key === 'number' && key >= 0 && key < parent.length) ||
        (isPlainObject(parent) && Object.hasOwn(parent, String(key))));
    if (!fits) {
      // A set step, a key into a list (a set of strings indexed by value), or a step into a scalar:
      // seal what we reached, erring on the side of hiding. A key absent from a map or an index past
      // the end of a list simply leads nowhere and seals nothing.
      const nowhere =
        parent === null ||
        parent === undefined ||
        (key !== null && (isPlainObject(parent) || (Array.isArray(parent) && typeof key === 'number')));
      if (!nowhere && i > 0) sealAtPath(root, path.slice(0, i), hasher);
      return;
    }
    if (last) {
      setOwn(container, key, sealDeep(container[key], hasher));
      return;
    }
    parent = container[key];
  }
}

// Attribute names repeat across thousands of instances; remembering the verdict per name keeps the
// name rule off the hot path. Bounded so user-chosen map keys cannot grow it without limit.
const nameVerdicts = new Map<string, boolean>();

function secretName(k: string): boolean {
  let v = nameVerdicts.get(k);
  if (v === undefined) {
    v = isSecretName(k);
    if (nameVerdicts.size > 50_000) nameVerdicts.clear();
    nameVerdicts.set(k, v);
  }
  return v;
}

/** Seals, in place, every value under a secret-looking name and every string that looks like a secret. */
export function sealByHeuristics(v: unknown, hasher: SensitiveHasher): unknown {
  if (typeof v === 'string') return v.length >= 16 && looksLikeSecret(v) ? sensitive(hasher, v) : v;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x !== null && (typeof x === 'object' || typeof x === 'string')) {
        const y = sealByHeuristics(x, hasher);
        if (y !== x) v[i] = y;
      }
    }
    return v;
  }
  if (isSensitive(v)) return v;
  const obj = v as Record<string, unknown>;
  // for-in, not Object.keys: no key array per object on this walk over every attribute. JSON.parse
  // output has only own enumerable properties, so for-in sees exactly the keys.
  for (const k in obj) {
    const x = obj[k];
    if (x === null || (typeof x !== 'object' && typeof x !== 'string')) {
      if (x !== null && x !== undefined && secretName(k)) setOwn(obj, k, sealDeep(x, hasher));
      continue;
    }
    const y = secretName(k) ? sealDeep(x, hasher) : sealByHeuristics(x, hasher);
    if (y !== x) setOwn(obj, k, y);
  }
  return obj;
}
