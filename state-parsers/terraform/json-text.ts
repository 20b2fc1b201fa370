import { StateParseError } from '../../lib/core/model/errors.ts';
import { findJsonErrorOffset } from './json-error-offset.ts';

// An integer literal of 16+ digits may exceed 2^53; JSON.parse would round it. Strings are matched
// first (unrolled loop, fast on long strings) so digits inside them are left alone.
const TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])-?\d{16,}(?![.\deE])/g;
// The lookbehind starts a match only at the first digit of a run: 12-digit account ids are then
// checked once, not once per position.
const DIGITS16 = /(?<!\d)\d{16}/g;

/** True when `text` may hold an integer literal of 16+ digits (digits after ':', '[' or ','). */
function mayHoldBigLiteral(text: string): boolean {
  // Runs of 16 digits are rare and mostly inside strings (GCP numeric ids); a literal is one
  // whose run follows ':', '[' or ',' (optionally '-' and whitespace). Checking only the runs
  // found keeps this pre-test at regex-scan speed.
  DIGITS16.lastIndex = 0;
  for (let m = DIGITS16.exec(text); m; m = DIGITS16.exec(text)) {
    let j = m.index - 1;
    if (text.charCodeAt(j) === 0x2d) j--;
    while (j >= 0 && ' \n\r\t'.includes(text[j]!)) j--;
    const c = text[j];
    if (c === ':' || c === '[' || c === ',') return true;
    let k = m.index + 16;
    while (k < text.length && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
    DIGITS16.lastIndex = k;
  }
  return false;
}

/** Rewrites integer literals above 2^53 as JSON strings so their digits survive parsing exactly. */
export function protectBigIntegers(text: string): string {
  if (!mayHoldBigLiteral(text)) return text;
  return text.replace(TOKEN, (tok) => {
    if (tok.charCodeAt(0) === 34) return tok;
    return Number.isSafeInteger(Number(tok)) ? tok : `"${tok}"`;
  });
}

/** Line and column (1-based) of a character offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The one-line message for invalid JSON at `offset` (never quotes the text: it may hold secrets). */
export function syntaxErrorMessage(body: string, offset: number, what: string): string {
  const { line, column } = lineColumn(body, offset);
  const where = offset >= body.length ? 'unexpected end of input' : `syntax error`;
  return `not valid ${what}: ${where} at line ${line}, column ${column}`;
}

/** JSON.parse with exact big integers and a StateParseError naming the file and position on bad input. */
export function parseJsonText(text: string, source: string, what = 'JSON'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new StateParseError('file is empty (no Terraform state in it)', source);
  try {
    return JSON.parse(protectBigIntegers(body));
  } catch {
    const offset = findJsonErrorOffset(body);
    throw new StateParseError(syntaxErrorMessage(body, Math.max(offset, 0), what), source);
  }
}
