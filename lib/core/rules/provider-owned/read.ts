import { isPlainObject } from '../../model/plain-object.ts';

/** Reads a nested field of a live document without throwing on odd shapes. */
export function field(doc: unknown, ...path: string[]): unknown {
  let cur = doc;
  for (const seg of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** Reads a string field; undefined unless it is a string. */
export function str(doc: unknown, ...path: string[]): string | undefined {
  const v = field(doc, ...path);
  return typeof v === 'string' ? v : undefined;
}
