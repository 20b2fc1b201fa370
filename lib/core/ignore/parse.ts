import { UsageError } from '../model/errors.ts';
import type { IgnoreRule, IgnoreRules, Segment } from './types.ts';

/*
 * `.driftignore` syntax (driftctl style, gitignore-like), one rule per line:
 *   # comment                      blank lines and lines starting with `#` are skipped
 *   aws_s3_bucket.my-bucket        <type>.<id>: the whole drift
 *   module.net.aws_subnet.a[1]     a Terraform address (or `<manifest>#<kind>/<ns>/<name>`)
 *   AWS::S3::Bucket.*              unmanaged items by native type (dotted types such as
 *                                  Microsoft.Storage/storageAccounts need no escaping)
 *   aws_s3_bucket.*.tags.env       <type>.<id>.<path>: only those attribute changes (and below)
 *   aws_s3_bucket.my\.bucket       `\` escapes the next character (a literal `.`, `*`, `\`, `!`, `#`)
 *   !aws_s3_bucket.keep-me         `!` negates; the LAST rule that applies wins, as in gitignore
 * The id is always ONE segment, so dots inside ids must be escaped; `/` and `:` need no escaping
 * (ARNs, ARM ids, `ns/name`). `*` matches any characters in a type, id or address (dots included)
 * and any characters within one segment of an attribute path. Brackets (`b["x.y"]`) keep their dots.
 */

const WILD_ANY = '.*';
const WILD_SEGMENT = '[^.]*';

function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function segSource(seg: Segment, wild: string): string {
  return seg.map((p) => (p === null ? wild : reEscape(p))).join('');
}

function fail(source: string, line: number, text: string, why: string): never {
  throw new UsageError(`invalid ignore rule "${text}": ${why}`, `${source}:${line}`);
}

/** Splits a rule body into segments on unescaped dots outside brackets; throws on bad escapes. */
function splitSegments(body: string, err: (why: string) => never): Segment[] {
  const segments: Segment[] = [];
  let parts: (string | null)[] = [];
  let lit = '';
  let depth = 0;
  const flushLit = () => {
    if (lit) parts.push(lit);
    lit = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      if (i + 1 >= body.length) err('a trailing "\\" escapes nothing');
      lit += body[++i];
    } else if (ch === '*') {
      flushLit();
      if (parts[parts.length - 1] !== null) parts.push(null);
    } else if (ch === '[') {
      depth++;
      lit += ch;
    } else if (ch === ']') {
      if (depth === 0) err('"]" without "["');
      depth--;
      lit += ch;
    } else if (ch === '.' && depth === 0) {
      flushLit();
      if (parts.length === 0) err('empty segment (two dots in a row, or a leading/trailing dot)');
      segments.push(parts);
      parts = [];
    } else {
      lit += ch;
    }
  }
  if (depth > 0) err('unclosed "["');
  flushLit();
  if (parts.length === 0) err('empty segment (two dots in a row, or a leading/trailing dot)');
  segments.push(parts);
  return segments;
}

function compile(source: string, line: number, text: string, negate: boolean, segs: Segment[]): IgnoreRule {
  const n = segs.length;
  const prefix: RegExp[] = [];
  const id: RegExp[] = [];
  const path: RegExp[] = [];
  for (let k = 0; k <= n; k++) {
    prefix.push(
      new RegExp(
        `^${segs
          .slice(0, k)
          .map((s) => segSource(s, WILD_ANY))
          .join('\\.')}$`,
        's',
      ),
    );
    id.push(k < n ? new RegExp(`^${segSource(segs[k]!, WILD_ANY)}$`, 's') : /(?!)/);
    const rest = segs.slice(k).map((s) => segSource(s, WILD_SEGMENT));
    path.push(new RegExp(`^${rest.join('\\.')}(\\.|$)`, 's'));
  }
  return { source, line, text, negate, segments: segs, prefix, id, path };
}

/** Parses a `.driftignore` text; an invalid line throws a UsageError naming `source:line`. */
export function parseIgnoreFile(text: string, source: string): IgnoreRules {
  const rules: IgnoreRule[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const err = (why: string): never => fail(source, lineNo, trimmed, why);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(trimmed)) err('control characters are not allowed');
    const negate = trimmed.startsWith('!');
    const body = negate ? trimmed.slice(1).trimStart() : trimmed;
    if (body === '') err('"!" must be followed by a rule');
    const segs = splitSegments(body, err);
    if (segs.length < 2) err('expected <type>.<id-or-address>[.<attribute path>]');
    rules.push(compile(source, lineNo, trimmed, negate, segs));
  });
  return { source, rules };
}
