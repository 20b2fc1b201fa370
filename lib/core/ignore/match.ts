import type { IgnoreRule, IgnoreRules, IgnoreTarget } from './types.ts';

/**
 * Where the rule's attribute path starts for this drift, for every way the rule can be read:
 * `<type>.<id>` (type = any of the drift's types, possibly dotted) or a Terraform address.
 * An entry equal to the number of segments means "the whole drift".
 */
function pathStarts(rule: IgnoreRule, d: IgnoreTarget): number[] {
  const n = rule.segments.length;
  const out: number[] = [];
  const types = new Set([d.type, ...(d.nativeType ? [d.nativeType] : []), ...(d.terraformTypes ?? [])]);
  for (let k = 1; k < n; k++) {
    const prefix = rule.prefix[k]!;
    if (rule.id[k]!.test(d.id) && [...types].some((t) => prefix.test(t))) out.push(k + 1);
  }
  if (d.address) {
    for (let k = 1; k <= n; k++) if (rule.prefix[k]!.test(d.address)) out.push(k);
  }
  return out;
}

function appliesToDrift(rule: IgnoreRule, d: IgnoreTarget): boolean {
  return pathStarts(rule, d).includes(rule.segments.length);
}

function appliesToChange(rule: IgnoreRule, d: IgnoreTarget, path: string): boolean {
  const n = rule.segments.length;
  return pathStarts(rule, d).some((k) => k === n || rule.path[k]!.test(path));
}

/**
 * True when the whole drift is ignored: the last resource-level rule that matches it is not negated.
 * `terraformTypes` (optional) adds Terraform types an unmanaged item's native type maps to.
 */
export function isIgnored(
  rules: IgnoreRules,
  drift: IgnoreTarget,
  terraformTypes?: readonly string[],
): boolean {
  if (rules.rules.length === 0) return false;
  const d = terraformTypes
    ? { ...drift, terraformTypes: [...(drift.terraformTypes ?? []), ...terraformTypes] }
    : drift;
  let ignored = false;
  for (const r of rules.rules) if (appliesToDrift(r, d)) ignored = !r.negate;
  return ignored;
}

/** The changes no rule suppresses (a change at or below an ignored attribute path is dropped). */
export function filterChanges<C extends { path: string }>(
  rules: IgnoreRules,
  drift: IgnoreTarget,
  changes: readonly C[],
): C[] {
  // Only rules that can apply to this drift at all are looked at per change.
  const relevant = rules.rules.filter((r) => pathStarts(r, drift).length > 0);
  if (relevant.length === 0) return [...changes];
  return changes.filter((c) => {
    let ignored = false;
    for (const r of relevant) if (appliesToChange(r, drift, c.path)) ignored = !r.negate;
    return !ignored;
  });
}
