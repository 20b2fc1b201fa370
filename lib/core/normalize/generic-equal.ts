import { isPlainObject } from '../model/plain-object.ts';
import { isSensitive } from '../model/sensitive.ts';
import { canonicalScalar } from './generic.ts';

/** Deep "is empty" under the generic normalizer: null, '', [], {} and objects of empties. */
function deepEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v) && !isSensitive(v)) {
    for (const k in v) if (!deepEmpty(v[k])) return false;
    return true;
  }
  return false;
}

/**
 * True when `genericNormalizer.apply(a)` and `genericNormalizer.apply(b)` would be deep-equal,
 * computed without building either. The diff's fast path: equal generic forms stay equal under any
 * further normalizer, so the (allocating) full comparison is skipped for clean attributes.
 */
export function genericEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ea = deepEmpty(a);
  const eb = deepEmpty(b);
  if (ea || eb) return ea && eb;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!genericEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b) || Array.isArray(b)) return false;
    if (isSensitive(a) || isSensitive(b))
      return isSensitive(a) && isSensitive(b) && a.$sensitive === b.$sensitive;
    for (const k in a) if (!genericEqual(a[k], b[k])) return false;
    for (const k in b) if (!(k in a) && !deepEmpty(b[k])) return false;
    return true;
  }
  if (Array.isArray(b) || isPlainObject(b)) return false;
  return canonicalScalar(a) === canonicalScalar(b);
}
