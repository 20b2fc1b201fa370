import { isPlainObject } from '../model/plain-object.ts';
import { asList, parseJsonish } from './values.ts';

// An Allow statement is dangerous when its action is `*`, `*:*` or a whole service (`s3:*`), or
// when its principal is everyone (`*`, {"AWS":"*"}). Markers are compared between desired and
// actual so that a policy that always had a wildcard does not escalate on an unrelated edit.
const WILDCARD_ACTION = /^(\*|\*:\*|[a-z0-9-]+:\*)$/i;

function principalIsEveryone(p: unknown): boolean {
  if (p === '*') return true;
  if (isPlainObject(p)) return Object.values(p).some((v) => asList(v).includes('*'));
  return false;
}

/** Wildcard markers of a policy document: `action:<wildcard>` and `principal:*`, Allow statements only. */
export function policyWildcards(doc: unknown): Set<string> {
  const out = new Set<string>();
  const parsed = parseJsonish(doc);
  if (!isPlainObject(parsed)) return out;
  for (const st of asList(parsed.Statement)) {
    if (!isPlainObject(st)) continue;
    if (typeof st.Effect === 'string' && st.Effect.toLowerCase() === 'deny') continue;
    for (const a of asList(st.Action)) {
      if (typeof a === 'string' && WILDCARD_ACTION.test(a.trim()))
        out.add(`action:${a.trim().toLowerCase()}`);
    }
    if (principalIsEveryone(st.Principal)) out.add('principal:*');
  }
  return out;
}

/** True when `actual` holds a wildcard marker `desired` did not: the policy opened up. */
export function policyGainsWildcard(path: string, desired: unknown, actual: unknown): boolean {
  const segs = path.split('.');
  // A leaf inside a policy (`policy.Statement.0.Action`): judge the values themselves.
  if (segs.includes('Action')) return gainsLeaf(desired, actual, (s) => WILDCARD_ACTION.test(s));
  if (segs.includes('Principal')) return principalIsEveryone(actual) && !principalIsEveryone(desired);
  const before = policyWildcards(desired);
  for (const m of policyWildcards(actual)) if (!before.has(m)) return true;
  return false;
}

function gainsLeaf(desired: unknown, actual: unknown, bad: (s: string) => boolean): boolean {
  const had = asList(desired).some((d) => typeof d === 'string' && bad(d.trim()));
  return !had && asList(actual).some((a) => typeof a === 'string' && bad(a.trim()));
}
