import { StringDecoder } from 'node:string_decoder';

/**
 * Yields the lines of a byte stream one at a time, holding only the current partial line: an
 * organization export runs to gigabytes and must never be read into one string.
 */
export async function* ndjsonLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      const line = rest.slice(start, nl).trim();
      if (line) yield line;
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  const last = (rest + decoder.end()).trim();
  if (last) yield last;
}
