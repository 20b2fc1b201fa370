import { isPlainObject } from '../../diff/path.ts';
import { isSensitive } from '../../model/sensitive.ts';
import { setOwn } from './own.ts';

function namesOf(list: unknown[]): (string | null)[] {
  return list.map((x) => (isPlainObject(x) && typeof x.name === 'string' ? x.name : null));
}

/**
 * Reorders the live side's lists of named items (containers, ports, volumes, env) into the
 * desired order by `name`, unmatched live items after, so item N is compared with its namesake
 * and an inserted sidecar does not shift every index. Recurses into matched items.
 */
export function alignNamedLists(desired: unknown, actual: unknown): unknown {
  if (Array.isArray(desired) && Array.isArray(actual)) {
    const dn = namesOf(desired);
    const an = namesOf(actual);
    const byName = dn.every((n) => n !== null) && an.every((n) => n !== null);
    if (!byName) return actual.map((a, i) => alignNamedLists(desired[i], a));
    const used = new Set<number>();
    const out: unknown[] = [];
    for (const name of dn) {
      const at = an.findIndex((n, i) => n === name && !used.has(i));
      if (at < 0) break;
      used.add(at);
      out.push(alignNamedLists(desired[out.length], actual[at]));
    }
    // A desired item missing live stops the alignment: the rest keeps live order.
    actual.forEach((a, i) => {
      if (!used.has(i)) out.push(a);
    });
    return out;
  }
  if (isPlainObject(desired) && isPlainObject(actual) && !isSensitive(desired)) {
    const out: Record<string, unknown> = { ...actual };
    for (const k of Object.keys(desired))
      if (k in actual) setOwn(out, k, alignNamedLists(desired[k], actual[k]));
    return out;
  }
  return actual;
}

function isZero(v: unknown): boolean {
  return v === false || v === 0 || v === '0' || v === 'false';
}

/**
 * Kubernetes omits zero values (`omitempty`): where the desired side sets false/0 and the live
 * object has nothing, the live value is that zero. Only fills, never changes a live value.
 */
export function fillOmittedZeros(desired: unknown, actual: unknown): unknown {
  if (actual === null || actual === undefined) {
    if (isZero(desired)) return desired;
    if (Array.isArray(desired)) {
      const items = desired.map((d) => fillOmittedZeros(d, undefined));
      return items.some((x) => x !== undefined) ? items.map((x) => x ?? null) : actual;
    }
    if (isPlainObject(desired) && !isSensitive(desired)) {
      const entries = Object.entries(desired)
        .map(([k, d]) => [k, fillOmittedZeros(d, undefined)] as const)
        .filter(([, v]) => v !== undefined);
      return entries.length > 0 ? Object.fromEntries(entries) : actual;
    }
    return actual;
  }
  if (Array.isArray(desired) && Array.isArray(actual)) {
    return actual.map((a, i) => (i < desired.length ? fillOmittedZeros(desired[i], a) : a));
  }
  if (isPlainObject(desired) && isPlainObject(actual) && !isSensitive(desired)) {
    const out: Record<string, unknown> = { ...actual };
    for (const [k, d] of Object.entries(desired)) {
      const filled = fillOmittedZeros(d, actual[k]);
      if (filled !== undefined) setOwn(out, k, filled);
    }
    return out;
  }
  return actual;
}
