import { isPlainObject } from '../model/plain-object.ts';

/** Every string found anywhere in a value (JSON strings are parsed first), lower-cased. */
export function stringsIn(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') {
    const parsed = parseJsonish(v);
    if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) stringsIn(parsed, out);
    else out.add(v.trim().toLowerCase());
  } else if (Array.isArray(v)) {
    for (const x of v) stringsIn(x, out);
  } else if (isPlainObject(v)) {
    for (const x of Object.values(v)) stringsIn(x, out);
  }
  return out;
}

/** A policy may arrive as an object, a JSON string or a URL-encoded JSON string. */
export function parseJsonish(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  let text = v.trim();
  if (text.startsWith('%7B') || text.startsWith('%7b')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True for `true`, "true", "True", "Enabled": the truthy forms flags take across providers. */
export function isOn(v: unknown): boolean {
  if (v === true) return true;
  return typeof v === 'string' && /^(true|enabled|yes|on)$/i.test(v.trim());
}

/** True for `false`, "false", "Disabled" or nothing set (a flag that is absent is off). */
export function isOff(v: unknown): boolean {
  if (v === false || v === null || v === undefined || v === '') return true;
  return typeof v === 'string' && /^(false|disabled|no|off)$/i.test(v.trim());
}

/** Values as a list: scalars become one-element lists. */
export function asList(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The last segment of a dot path. */
export function lastSegment(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? path : path.slice(i + 1);
}
