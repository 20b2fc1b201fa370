/**
 * Pretty-printed states (Terraform writes them with a two-space indent) close each element on a
 * line of its own at the element's indentation. A raw newline never occurs inside a JSON string,
 * so `\n<indent>}` can only be that closing line: one indexOf finds the end of the element with
 * no character-by-character scan. Returns that closer, or null when the element is not laid out
 * so (opening brace not alone at the start of its line, or its body not indented deeper).
 */
export function indentedCloser(buf: string, open: number): string | null {
  let j = open - 1;
  while (j >= 0 && (buf.charCodeAt(j) === 0x20 || buf.charCodeAt(j) === 0x09)) j--;
  if (j < 0 || buf.charCodeAt(j) !== 0x0a) return null;
  const indent = buf.slice(j + 1, open);
  let k = open + 1;
  if (buf.charCodeAt(k) === 0x0d) k++;
  if (buf.charCodeAt(k) !== 0x0a) return null;
  const body = buf.slice(k + 1, k + 2 + indent.length);
  if (body.length !== indent.length + 1 || !body.startsWith(indent) || !/[ \t]/.test(body[indent.length]!)) {
    return null;
  }
  return `\n${indent}}`;
}
