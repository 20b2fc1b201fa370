import { isPlainObject } from '../../../core/model/plain-object.ts';

export { isPlainObject };

/** The value when it is a non-empty string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A string or number as a string (numeric ids come either way), else undefined. */
export function strOrNum(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return str(v);
}

/** Tags/labels as a flat string map; non-string scalars are stringified, nested values dropped. */
export function stringMap(v: unknown): Record<string, string> {
  if (!isPlainObject(v)) return {};
  // Tags are almost always string-valued already: reuse the parsed object instead of copying it.
  let allStrings = true;
  for (const k in v) {
    if (typeof v[k] !== 'string') {
      allStrings = false;
      break;
    }
  }
  if (allStrings) return v as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
    else if (val === null) out[k] = '';
  }
  return out;
}

/**
 * Capture time as ISO 8601. The AWS CLI prints epoch seconds with a fraction unless
 * `cli_timestamp_format = iso8601`; everything else prints ISO strings (sometimes with microseconds).
 */
// AWS Config, Cloud Asset and ARM already write UTC ISO 8601: kept as is, no Date round trip.
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function toIso(v: unknown): string | null {
  if (typeof v === 'string' && ISO_UTC.test(v)) return v;
  let d: Date | undefined;
  if (typeof v === 'number' && Number.isFinite(v)) d = new Date(v > 1e11 ? v : v * 1000);
  else if (typeof v === 'string' && v.trim() !== '') {
    d = /^\d+(\.\d+)?$/.test(v.trim()) ? new Date(Number(v) * 1000) : new Date(v);
  }
  if (!d || Number.isNaN(d.getTime())) return null;
  return d.toISOString();
}

/** Distinct non-empty strings, in first-seen order. */
export function distinct(values: Array<string | undefined | null>): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v)) out.push(v);
  return out;
}

/** Parses a JSON string; undefined when it is not valid JSON. */
export function tryParseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Last `/`-separated segment of a resource path. */
export function lastSegment(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}
