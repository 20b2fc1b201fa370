// Addresses are printed exactly as `terraform state list` prints them, so users can paste them back
// into terraform commands and ignore files.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** A for_each key quoted like Terraform's toHCLQuotedString: escapes, `${`→`$${`, `%{`→`%%{`. */
export function hclQuote(s: string): string {
  let out = '"';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '$' || ch === '%') out += chars[i + 1] === '{' ? ch + ch : ch;
    else if (PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      out +=
        cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/** `[0]`, `["key"]`, or '' for a single instance. */
export function indexSuffix(index: number | string | null): string {
  if (index === null) return '';
  return typeof index === 'number' ? `[${index}]` : `[${hclQuote(index)}]`;
}

/** Full instance address: `module.a.module.b.data.aws_x.name["k"]`. */
export function instanceAddress(
  module: string | null,
  mode: 'managed' | 'data',
  type: string,
  name: string,
  index: number | string | null,
): string {
  const prefix = module ? `${module}.` : '';
  const data = mode === 'data' ? 'data.' : '';
  return `${prefix}${data}${type}.${name}${indexSuffix(index)}`;
}
