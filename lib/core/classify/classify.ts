import type { AttributeChange, DriftKind } from '../model/drift.ts';
import { SEVERITY_RANK } from '../model/drift.ts';
import type { Provider } from '../model/provider.ts';
import { CLASSIFY_RULES } from './rules.ts';
import type { ChangeInput, Classification, ClassifyRule } from './types.ts';

interface Ranked extends Classification {
  /** Position of the deciding row in the table: ties between changes go to the earlier row. */
  order: number;
}

const SECRET_ORDER = CLASSIFY_RULES.findIndex((r) => r.category === 'SecretChange');

function matches(rule: ClassifyRule, c: ChangeInput): boolean {
  const { paths, types, providers } = rule.when;
  if (providers && !providers.includes(c.provider)) return false;
  if (types && !types.test(c.type)) return false;
  if (paths && !paths.some((p) => p.test(c.path))) return false;
  return true;
}

function rank(c: ChangeInput): Ranked {
  const order = CLASSIFY_RULES.findIndex((r) => matches(r, c));
  const rule = CLASSIFY_RULES[order]!; // the last row has no conditions: always found
  const escalated = rule.escalate?.(c) ?? null;
  const severity =
    escalated && SEVERITY_RANK[escalated] > SEVERITY_RANK[rule.severity] ? escalated : rule.severity;
  // A sealed value is a secret changing, unless a row says something more severe (opened access).
  if (c.sensitive && SEVERITY_RANK[severity] <= SEVERITY_RANK.high) {
    return { category: 'SecretChange', severity: 'high', order: SECRET_ORDER };
  }
  return { category: rule.category, severity, order };
}

/** Category and severity of one attribute change, from the first matching row of the table. */
export function classifyChange(input: ChangeInput): Classification {
  const { category, severity } = rank(input);
  return { category, severity };
}

/** Category and severity of a whole drift: missing/unmanaged fixed, changed = its most severe change. */
export function classifyDrift(d: {
  provider: Provider;
  type: string;
  kind: DriftKind;
  changes: readonly AttributeChange[];
}): Classification {
  if (d.kind === 'missing') return { category: 'Missing', severity: 'high' };
  if (d.kind === 'unmanaged') return { category: 'Unmanaged', severity: 'medium' };
  let best: Ranked | null = null;
  for (const ch of d.changes) {
    const r = rank({ provider: d.provider, type: d.type, kind: 'changed', ...ch });
    const better =
      !best ||
      SEVERITY_RANK[r.severity] > SEVERITY_RANK[best.severity] ||
      (r.severity === best.severity && r.order < best.order);
    if (better) best = r;
  }
  return best
    ? { category: best.category, severity: best.severity }
    : { category: 'ConfigurationChange', severity: 'medium' };
}
