// Bulk UTF-8 decoding of a byte stream into text chunks. Node's Buffer decoder (simdutf) is several
// times faster than TextDecoder in streaming mode, so it is used when present; a multi-byte
// character cut by a chunk boundary is carried over to the next chunk by hand.

const fallback = new TextDecoder();

function decodeAll(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  return fallback.decode(bytes);
}

/** Length of the prefix of `b` that ends on a whole UTF-8 character. */
export function completeUtf8Length(b: Uint8Array): number {
  let i = b.length - 1;
  let tail = 0;
  while (i >= 0 && tail < 3 && (b[i]! & 0xc0) === 0x80) {
    i--;
    tail++;
  }
  if (i < 0) return b.length;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i >= need ? b.length : i;
}

/** Decodes chunk by chunk; call `flush()` after the last one. */
export class Utf8Text {
  private carry: Uint8Array | null = null;

  /** Text of every whole character received so far and not yet returned. */
  push(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry, 0);
      bytes.set(chunk, this.carry.length);
      this.carry = null;
    }
    const end = completeUtf8Length(bytes);
    if (end < bytes.length) this.carry = bytes.slice(end);
    return decodeAll(end === bytes.length ? bytes : bytes.subarray(0, end));
  }

  /** Whatever is left (an incomplete character decodes to U+FFFD). */
  flush(): string {
    const rest = this.carry;
    this.carry = null;
    return rest ? decodeAll(rest) : '';
  }
}
