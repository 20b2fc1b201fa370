import { parseAllDocuments } from 'yaml';
import { fail, type ReadContext } from './reader.ts';
import { isPlainObject, tryParseJson } from './values.ts';

/**
 * Text of an export as one parsed document: JSON as is, NDJSON (exportAssets) as an array of its
 * lines, YAML (`kubectl get -o yaml`, multi-document manifests) as one document or an array of them.
 */
export function decodeText(text: string, ctx: ReadContext): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Scan instead of trimStart(): a copy of a few-hundred-MB export would double peak memory.
  let start = 0;
  while (start < body.length && /\s/.test(body[start]!)) start++;
  if (start === body.length) fail(ctx, 'file is empty');
  const first = body[start];
  if (first === '{' || first === '[') {
    const whole = tryParseJson(body);
    if (whole) return whole.value;
    if (first === '{') {
      const lines = ndjson(body);
      if (lines) return lines;
    }
    fail(ctx, `invalid JSON: ${jsonErrorMessage(body)}`);
  }
  return yamlDocuments(body, ctx);
}

/** Each non-blank line parsed as one JSON object; undefined when the text is not NDJSON. */
export function ndjson(text: string): unknown[] | undefined {
  const out: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = tryParseJson(line);
    if (!parsed || !isPlainObject(parsed.value)) return undefined;
    out.push(parsed.value);
  }
  return out.length > 1 ? out : undefined;
}

function jsonErrorMessage(text: string): string {
  try {
    JSON.parse(text);
    return 'unknown error';
  } catch (e) {
    return firstLine(e instanceof Error ? e.message : String(e));
  }
}

function yamlDocuments(text: string, ctx: ReadContext): unknown {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const values: unknown[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) fail(ctx, `invalid YAML: ${firstLine(err.message)}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      fail(ctx, `invalid YAML: ${firstLine(e instanceof Error ? e.message : String(e))}`);
    }
    if (!isJsonTree(value, new Set()))
      fail(ctx, 'invalid YAML: only plain data is supported (no self-referencing aliases or binary tags)');
    if (value !== null && value !== undefined) values.push(value);
  }
  // Several documents (kubectl -o yaml of many objects, manifests) read as one array of them.
  return values.length === 1 ? values[0] : values;
}

// Anchors can build cycles and tags can build Buffers; readers and the engine expect JSON-shaped data.
function isJsonTree(v: unknown, path: Set<unknown>): boolean {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return true;
  if (typeof v !== 'object' || path.has(v)) return false;
  const isArray = Array.isArray(v);
  if (!isArray && !isPlainObject(v)) return false;
  if (!isArray && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
    return false;
  path.add(v);
  const ok = (isArray ? v : Object.values(v)).every((x) => isJsonTree(x, path));
  path.delete(v);
  return ok;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
