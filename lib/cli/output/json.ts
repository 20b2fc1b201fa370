import type { Drift, DriftReport } from '../../core/model/index.ts';
import { safeChange, safeValue } from './safe-value.ts';

/** A drift as the JSON contract prints it: changes reduced to `{path, desired, actual}`. */
function jsonDrift(d: Drift): Record<string, unknown> {
  return {
    kind: d.kind,
    provider: d.provider,
    type: d.type,
    address: d.address,
    id: safeValue(d.id),
    severity: d.severity,
    category: d.category,
    changes: d.changes.map((c) => ({ path: c.path, ...safeChange(c) })),
    ...(d.scope !== undefined ? { scope: d.scope } : {}),
    ...(d.nativeType !== undefined ? { nativeType: d.nativeType } : {}),
  };
}

/** The report as JSON (2-space indent): `{version, summary, drifts, ...rest}`. */
export function renderJson(report: DriftReport): string {
  const { version, summary, drifts, ...rest } = report;
  const out = { version, summary, drifts: drifts.map(jsonDrift), ...(safeValue(rest) as object) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
