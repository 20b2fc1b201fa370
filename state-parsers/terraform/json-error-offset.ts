// Node 20's JSON.parse often reports no position ("Unexpected token 'x', ... is not valid JSON"), so
// on failure this small recursive-descent checker finds where the text stops being JSON. It only
// runs on the error path; speed does not matter here.

class Failed {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

class Checker {
  i = 0;
  constructor(readonly text: string) {}

  fail(at = this.i): never {
    throw new Failed(at);
  }

  ws(): void {
    const t = this.text;
    while (this.i < t.length && ' \t\n\r'.includes(t[this.i]!)) this.i++;
  }

  expect(ch: string): void {
    if (this.text[this.i] !== ch) this.fail();
    this.i++;
  }

  literal(word: string): void {
    for (const ch of word) this.expect(ch);
  }

  string(): void {
    const t = this.text;
    this.i++;
    for (;;) {
      if (this.i >= t.length) this.fail();
      const c = t.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail();
      if (c === 0x5c) {
        this.i++;
        const e = t[this.i];
        if (e === 'u') {
          HEX4.lastIndex = this.i + 1;
          if (!HEX4.test(t)) this.fail(this.i + 1);
          this.i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail();
      }
      this.i++;
    }
    this.i++;
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m || m[0] === '') this.fail();
    this.i += m[0].length;
  }

  members(close: string, one: () => void): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      one();
      this.ws();
      if (this.text[this.i] === ',') this.i++;
      else {
        this.expect(close);
        return;
      }
    }
  }

  value(depth: number): void {
    if (depth > 5000) this.fail();
    this.ws();
    const c = this.text[this.i];
    if (c === '{') {
      this.members('}', () => {
        this.ws();
        if (this.text[this.i] !== '"') this.fail();
        this.string();
        this.ws();
        this.expect(':');
        this.value(depth + 1);
      });
    } else if (c === '[') this.members(']', () => this.value(depth + 1));
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.number();
  }
}

/** Offset of the first JSON syntax error in `text`, or -1 when the text is valid JSON. */
export function findJsonErrorOffset(text: string): number {
  const c = new Checker(text);
  try {
    c.value(0);
    c.ws();
    return c.i < text.length ? c.i : -1;
  } catch (e) {
    return e instanceof Failed ? e.at : 0;
  }
}
