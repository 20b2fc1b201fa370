import { StateParseError } from '../../../lib/core/model/errors.ts';
import { indentedCloser } from './indented-closer.ts';

// A scanner over the top-level object of a state file, fed decoded text chunk by chunk. It tracks
// strings, escapes and bracket depth only, so it runs near memory speed; each element of the
// top-level `resources` array is cut out whole, to be JSON.parsed on its own. Memory is bounded by
// the largest single resource, never by the file. (Scanning decoded text rather than bytes lets
// one bulk UTF-8 decode per chunk replace thousands of small ones.)

/** What the scanner reports, in file order. */
export type ScanEvent =
  | { kind: 'scalar'; key: string; raw: string }
  | { kind: 'container'; key: string }
  | { kind: 'element'; raw: string; position: number; line: number; column: number };

const Mode = {
  Start: 0,
  ExpectKey: 1,
  Key: 2,
  ExpectColon: 3,
  ExpectValue: 4,
  Scalar: 5,
  Skip: 6,
  AfterValue: 7,
  ExpectElement: 8,
  Element: 9,
  Done: 10,
  IndentedElement: 11,
  ScalarElement: 12,
} as const;
type Mode = (typeof Mode)[keyof typeof Mode];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Push chunks in, take events out; `end()` checks the document was complete. */
export class TopLevelScanner {
  private mode: Mode = Mode.Start;
  private inString = false;
  private pendingEscape = false;
  private depth = 0;
  private key = '';
  private parts: string[] = [];
  private captureStart = -1;
  private capturing = false;
  private elementLine = 1;
  private elementColumn = 1;
  // Line bookkeeping for messages: newlines are counted once, lazily, up to `checkpoint`.
  private line = 1;
  private lineStart = 0;
  private checkpoint = 0;
  private position = 0;
  private consumed = 0;
  private events: ScanEvent[] = [];
  private closer: string | null = null;
  private keyBuf = '';
  private error: StateParseError | null = null;

  constructor(private readonly source: string) {}

  /** Events found since the last call. */
  drain(): ScanEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /**
   * Scans one chunk of text. A syntax error is held back until the events before it have been
   * taken (`check()`), so the first error in the file is the one reported, whatever the chunking.
   */
  push(buf: string): void {
    this.check();
    try {
      this.scan(buf);
    } catch (err) {
      if (!(err instanceof StateParseError)) throw err;
      this.error = err;
    }
  }

  /** Throws the syntax error found by the last push, if any. */
  check(): void {
    if (this.error) throw this.error;
  }

  private scan(buf: string): void {
    const n = buf.length;
    let i = 0;
    if (this.capturing) this.captureStart = 0;
    if (this.inString) i = this.skipString(buf, 0);
    while (i < n) {
      const c = buf.charCodeAt(i);
      switch (this.mode) {
        case Mode.Element:
        case Mode.Skip:
          i = this.nested(buf, i);
          continue;
        case Mode.IndentedElement:
          i = this.indentedElement(buf, i);
          continue;
        case Mode.ScalarElement:
          // Not an object: cut it out anyway so the reader can name it ("resources[2] is not an object").
          if (c === QUOTE) i = this.skipString(buf, i + 1);
          else if (c === 0x2c || c === 0x5d) {
            this.emitElement(buf, i);
            this.mode = Mode.ExpectElement;
          } else i++;
          continue;
        case Mode.Scalar:
          if (c === QUOTE) {
            i = this.skipString(buf, i + 1);
            continue;
          }
          if (c === 0x2c || c === 0x7d) {
            this.emitScalar(buf, i);
            this.mode = c === 0x2c ? Mode.ExpectKey : Mode.Done;
          } else if (c === 0x7b || c === 0x5b) this.fail(buf, i);
          i++;
          continue;
      }
      i = isSpace(c) ? i + 1 : this.structural(buf, i, c);
    }
    if (this.capturing) {
      this.parts.push(buf.slice(this.captureStart));
      this.captureStart = 0;
    }
    this.countLines(buf, n);
    this.checkpoint = 0;
    this.consumed += n;
  }

  /** Advances the line count over `buf` up to index `to`. */
  private countLines(buf: string, to: number): void {
    for (let k = buf.indexOf('\n', this.checkpoint); k >= 0 && k < to; k = buf.indexOf('\n', k + 1)) {
      this.line++;
      this.lineStart = this.consumed + k + 1;
    }
    this.checkpoint = Math.max(this.checkpoint, to);
  }

  /** Call after the last chunk. */
  end(): void {
    this.check();
    if (this.mode !== Mode.Done) this.fail('', 0, 'unexpected end of input');
  }

  /** Handles one significant byte between values; returns where to continue. */
  private structural(buf: string, i: number, c: number): number {
    switch (this.mode) {
      case Mode.Start:
        if (c === 0xfeff) return i + 1; // byte order mark
        if (
          c === 0x5b ||
          c === QUOTE ||
          (c >= 0x30 && c <= 0x39) ||
          c === 0x2d ||
          c === 0x74 ||
          c === 0x66 ||
          c === 0x6e
        ) {
          throw new StateParseError(
            'not a Terraform state: expected a JSON object at the top level',
            this.source,
          );
        }
        if (c !== 0x7b) this.fail(buf, i);
        this.mode = Mode.ExpectKey;
        return i + 1;
      case Mode.ExpectKey:
        if (c === 0x7d) this.mode = Mode.Done;
        else if (c === QUOTE) {
          this.mode = Mode.Key;
          this.startCapture(i + 1);
          return this.skipString(buf, i + 1);
        } else this.fail(buf, i);
        return i + 1;
      case Mode.ExpectColon:
        if (c !== 0x3a) this.fail(buf, i);
        this.mode = Mode.ExpectValue;
        return i + 1;
      case Mode.ExpectValue:
        if (c === 0x5b && this.key === 'resources') {
          this.mode = Mode.ExpectElement;
          this.events.push({ kind: 'container', key: this.key });
        } else if (c === 0x7b || c === 0x5b) {
          this.mode = Mode.Skip;
          this.depth = 1;
          this.events.push({ kind: 'container', key: this.key });
        } else {
          this.mode = Mode.Scalar;
          this.startCapture(i);
          if (c === QUOTE) return this.skipString(buf, i + 1);
        }
        return i + 1;
      case Mode.AfterValue:
        if (c === 0x2c) this.mode = Mode.ExpectKey;
        else if (c === 0x7d) this.mode = Mode.Done;
        else this.fail(buf, i);
        return i + 1;
      case Mode.ExpectElement:
        if (c === 0x5d) this.mode = Mode.AfterValue;
        else if (c === 0x7b || c === 0x5b) {
          this.closer = c === 0x7b ? indentedCloser(buf, i) : null;
          this.mode = this.closer ? Mode.IndentedElement : Mode.Element;
          this.depth = 1;
          this.countLines(buf, i);
          this.elementLine = this.line;
          this.elementColumn = this.consumed + i - this.lineStart + 1;
          this.startCapture(i);
        } else if (c !== 0x2c) {
          this.countLines(buf, i);
          this.elementLine = this.line;
          this.elementColumn = this.consumed + i - this.lineStart + 1;
          this.mode = Mode.ScalarElement;
          this.startCapture(i);
          return c === QUOTE ? this.skipString(buf, i + 1) : i + 1;
        }
        return i + 1;
      default:
        return this.fail(buf, i);
    }
  }

  /** Inside a pretty-printed element: jump straight to its closing line. */
  private indentedElement(buf: string, from: number): number {
    const closer = this.closer!;
    let end = -1;
    if (from === 0 && this.parts.length > 0) {
      // The closing line may straddle chunk boundaries (several, if chunks are tiny).
      let tail = '';
      for (let p = this.parts.length - 1; p >= 0 && tail.length < closer.length - 1; p--) {
        tail = this.parts[p] + tail;
      }
      tail = tail.slice(-(closer.length - 1));
      const k = (tail + buf.slice(0, closer.length - 1)).indexOf(closer);
      if (k >= 0) end = k + closer.length - tail.length;
    }
    if (end < 0) {
      const q = buf.indexOf(closer, from);
      if (q < 0) return buf.length;
      end = q + closer.length;
    }
    this.emitElement(buf, end);
    this.mode = Mode.ExpectElement;
    return end;
  }

  /** Inside a nested value: only quotes and brackets matter. */
  private nested(buf: string, from: number): number {
    const n = buf.length;
    let depth = this.depth;
    let i = from;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === QUOTE) {
        this.depth = depth;
        i = this.skipString(buf, i + 1);
        if (this.inString) return n;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) {
          this.depth = 0;
          if (this.mode === Mode.Element) {
            this.emitElement(buf, i + 1);
            this.mode = Mode.ExpectElement;
          } else this.mode = Mode.AfterValue;
          return i + 1;
        }
      }
      i++;
    }
    this.depth = depth;
    return n;
  }

  /** Skips string content from `from`; returns the index after the closing quote, or buf.length. */
  private skipString(buf: string, from: number): number {
    const n = buf.length;
    let i = from;
    this.inString = true;
    if (this.pendingEscape) {
      this.pendingEscape = false;
      i++;
    }
    for (;;) {
      const q = buf.indexOf('"', i);
      if (q < 0) {
        let k = 0;
        for (let j = n - 1; j >= i && buf.charCodeAt(j) === BACKSLASH; j--) k++;
        this.pendingEscape = k % 2 === 1;
        return n;
      }
      let k = 0;
      for (let j = q - 1; j >= i && buf.charCodeAt(j) === BACKSLASH; j--) k++;
      if (k % 2 === 0) {
        this.inString = false;
        if (this.mode === Mode.Key) {
          this.keyBuf = buf;
          this.key = this.decodeKey(this.endCapture(buf, q), q);
          this.mode = Mode.ExpectColon;
        }
        return q + 1;
      }
      i = q + 1;
    }
  }

  private decodeKey(raw: string, at: number): string {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return this.fail(this.keyBuf, at);
    }
  }

  private startCapture(at: number): void {
    this.capturing = true;
    this.captureStart = at;
    this.parts = [];
  }

  private endCapture(buf: string, end: number): string {
    this.capturing = false;
    const tail = buf.slice(this.captureStart, end);
    if (this.parts.length === 0) return tail;
    this.parts.push(tail);
    const all = this.parts.join('');
    this.parts = [];
    return all;
  }

  private emitElement(buf: string, end: number): void {
    this.events.push({
      kind: 'element',
      raw: this.endCapture(buf, end),
      position: this.position++,
      line: this.elementLine,
      column: this.elementColumn,
    });
  }

  private emitScalar(buf: string, end: number): void {
    this.events.push({ kind: 'scalar', key: this.key, raw: this.endCapture(buf, end) });
  }

  /** Throws the same one-line message the in-memory parser gives: position as line and column. */
  private fail(buf: string, i: number, what = 'syntax error'): never {
    this.countLines(buf, i);
    const column = this.consumed + i - this.lineStart + 1;
    throw new StateParseError(`not valid JSON: ${what} at line ${this.line}, column ${column}`, this.source);
  }
}
