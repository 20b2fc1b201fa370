import { isPlainObject } from '../../core/model/plain-object.ts';
import { isSensitive, looksLikeSecret, SENSITIVE_PLACEHOLDER } from '../../core/model/sensitive.ts';
import { stableStringify } from '../../core/model/stable-json.ts';
import { truncatePair } from './truncate.ts';

/**
 * Defense in depth: values reach the renderers already redacted, but every renderer still passes
 * them through here so a sealed `{ $sensitive }` object or a secret-looking string never prints.
 */
export function safeValue(v: unknown): unknown {
  if (isSensitive(v)) return SENSITIVE_PLACEHOLDER;
  if (typeof v === 'string') return looksLikeSecret(v) ? SENSITIVE_PLACEHOLDER : v;
  if (Array.isArray(v)) return v.map(safeValue);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = safeValue(val);
    return out;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return v === undefined ? null : String(v);
}

/** A change's two values, both placeholders when the change was marked sensitive. */
export function safeChange(c: { desired: unknown; actual: unknown; sensitive?: boolean | undefined }): {
  desired: unknown;
  actual: unknown;
} {
  if (c.sensitive) return { desired: SENSITIVE_PLACEHOLDER, actual: SENSITIVE_PLACEHOLDER };
  return { desired: safeValue(c.desired), actual: safeValue(c.actual) };
}

/** One display line for a value: strings bare (quoted when ambiguous), everything else as JSON. */
export function displayValue(v: unknown): string {
  const safe = safeValue(v);
  if (typeof safe === 'string') {
    const bare = safe !== '' && safe.trim() === safe && !/^(null|true|false|-?\d[\d.eE+-]*)$/.test(safe);
    return escapeControls(bare ? safe : JSON.stringify(safe));
  }
  return escapeControls(JSON.stringify(safe) ?? 'null');
}

// Control characters in values (ANSI escapes, newlines) would garble a terminal or a table row.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Replaces control characters with visible `\n`/`\u001b` escapes. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Any plain text printed from a report (ids, addresses): controls escaped, secrets hidden. */
export function safeText(s: string): string {
  return escapeControls(looksLikeSecret(s) ? SENSITIVE_PLACEHOLDER : s);
}

/**
 * A change's two values as display strings, shortened around their first difference. Long lists
 * (security-group rules, CIDR sets) show only what left (`−`) and what arrived (`+`).
 */
export function displayPair(
  c: { desired: unknown; actual: unknown; sensitive?: boolean | undefined },
  max: number,
): [string, string] {
  const v = safeChange(c);
  const d = displayValue(v.desired);
  const a = displayValue(v.actual);
  if (Array.isArray(v.desired) && Array.isArray(v.actual) && (d.length > max || a.length > max)) {
    const key = (x: unknown) => stableStringify(x);
    const had = new Set(v.desired.map(key));
    const has = new Set(v.actual.map(key));
    const removed = v.desired.filter((x) => !has.has(key(x)));
    const added = v.actual.filter((x) => !had.has(key(x)));
    return truncatePair(`−${displayValue(removed)}`, `+${displayValue(added)}`, max);
  }
  return truncatePair(d, a, max);
}
