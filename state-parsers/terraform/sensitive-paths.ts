import type { PathStep } from './seal.ts';

// `sensitive_attributes` (Terraform >= 0.15) is a list of cty paths, each a list of steps:
//   {"type":"get_attr","value":"password"}
//   {"type":"index","value":{"value":0,"type":"number"}}     list element / map key
//   {"type":"index","value":{"value":"key","type":"string"}}
// An index into a set carries the whole element as its key; we cannot address it, so it becomes
// a set step that seals the whole collection. Bare forms are accepted too, for hand-written states.

function indexStep(raw: unknown): PathStep {
  const key =
    typeof raw === 'object' && raw !== null && 'value' in raw ? (raw as { value: unknown }).value : raw;
  if (typeof key === 'number' && Number.isInteger(key)) return key;
  if (typeof key === 'string') return key;
  return { set: true };
}

function step(raw: unknown): PathStep | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, value } = raw as { type?: unknown; value?: unknown };
  if (type === 'get_attr') return typeof value === 'string' ? value : null;
  if (type === 'index') return indexStep(value);
  return null;
}

/** Parses `sensitive_attributes` into paths; malformed steps shorten a path, nothing is thrown. */
export function parseSensitivePaths(raw: unknown): PathStep[][] {
  if (!Array.isArray(raw)) return [];
  const out: PathStep[][] = [];
  for (const p of raw) {
    if (typeof p === 'string' && p !== '') out.push([p]);
    if (!Array.isArray(p)) continue;
    // An unreadable step cuts the path short: sealing the readable prefix hides more, never less.
    const steps: PathStep[] = [];
    for (const raw of p) {
      const s = step(raw);
      if (s === null) break;
      steps.push(s);
    }
    if (steps.length > 0) out.push(steps);
  }
  return out;
}
