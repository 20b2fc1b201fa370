import { isPlainObject } from '../model/plain-object.ts';

export { isPlainObject };

// Rule paths are a small fixed set read for every resource: split each once.
const SPLIT_CACHE = new Map<string, readonly string[]>();

function segments(path: string): readonly string[] {
  let segs = SPLIT_CACHE.get(path);
  if (!segs) {
    segs = path.split('.');
    if (SPLIT_CACHE.size < 10_000) SPLIT_CACHE.set(path, segs);
  }
  return segs;
}

/** Reads a dot path (`a.0.b`) from plain JSON; numeric segments index arrays. */
export function getPath(obj: unknown, path: string): unknown {
  if (path === '') return obj;
  let cur: unknown = obj;
  for (const seg of segments(path)) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      const i = Number(seg);
      cur = Number.isInteger(i) ? cur[i] : undefined;
    } else if (typeof cur === 'object') {
      cur = (cur as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Joins path segments the way reports print them. */
export function joinPath(base: string, seg: string | number): string {
  return base === '' ? String(seg) : `${base}.${seg}`;
}
