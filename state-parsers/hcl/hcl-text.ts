import { HclParseError } from './errors.ts';

type HclObject = Record<string, unknown>;

/**
 * The hcl2-parser module (GopherJS build of hashicorp/hcl via tmccombs/hcl2json), injected: it is a
 * 3.8 MB CommonJS bundle and `import` of it costs about twice `require` (Node runs its CJS export
 * lexer over the whole file), so the caller loads it with require, only when it is needed.
 */
export interface HclParser {
  parseToObject(input: string): unknown;
}

/**
 * parseToObject answers `[object, error]`. Its Go error crosses into JS as an empty object, so the parser's own message is lost: on failure
 * we locate the first bad top-level block ourselves (see firstBadLine).
 */
function tryParse(hcl: HclParser, text: string): HclObject | undefined {
  const [value, error] = hcl.parseToObject(text) as [unknown, unknown];
  if (error !== null && error !== undefined) return undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as HclObject) : {};
}

/** Parses HCL text into hcl2json's JSON shape; throws HclParseError naming the file and line. */
export function parseHcl(hcl: HclParser, text: string, file: string): HclObject {
  const parsed = tryParse(hcl, text);
  if (parsed) return parsed;
  const line = firstBadLine(hcl, text);
  const where = line ? ` near line ${line}` : '';
  throw new HclParseError(`not valid HCL${where} (run terraform validate for details)`, file);
}

/** Lines starting a top-level attribute or block (`terraform fmt` puts them at column 0). */
const TOP_LEVEL = /^[A-Za-z_]/;

/**
 * Binary search over top-level boundaries for the first prefix that stops parsing: the piece it
 * adds holds the error. Only runs on the error path (log2(pieces) parses of a broken file).
 */
function firstBadLine(hcl: HclParser, text: string): number | undefined {
  const lines = text.split('\n');
  const bounds = [0, ...lines.flatMap((l, i) => (i > 0 && TOP_LEVEL.test(l) ? [i] : [])), lines.length];
  const prefixOk = (k: number) => tryParse(hcl, lines.slice(0, bounds[k]).join('\n')) !== undefined;
  let lo = 0;
  let hi = bounds.length - 1;
  if (prefixOk(hi)) return undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (prefixOk(mid)) lo = mid;
    else hi = mid;
  }
  return (bounds[lo] ?? 0) + 1;
}
