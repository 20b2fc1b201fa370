import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** One DynamoDB item in wire form. */
export type Item = Record<string, AttributeValue>;

/** Converts a plain value to an AttributeValue; undefined yields undefined (the attribute is left out). */
export function toAttr(v: unknown): AttributeValue | undefined {
  if (v === undefined) return undefined;
  if (v === null) return { NULL: true };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'boolean') return { BOOL: v };
  if (typeof v === 'number') {
    // DynamoDB numbers cannot hold NaN/Infinity; the domain never produces them outside `changes` (stored as JSON).
    if (!Number.isFinite(v)) throw new TypeError(`cannot store non-finite number ${v}`);
    return { N: String(v) };
  }
  if (Array.isArray(v)) return { L: v.map((x) => toAttr(x) ?? { NULL: true }) };
  if (typeof v === 'object') return { M: marshall(v as Record<string, unknown>) };
  throw new TypeError(`cannot store a ${typeof v}`);
}

/** Marshals an object's own properties, leaving out undefined ones. */
export function marshall(obj: Record<string, unknown>): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(obj)) {
    const a = toAttr(v);
    if (a !== undefined) out[k] = a;
  }
  return out;
}

/** Converts an AttributeValue back to a plain value. */
export function fromAttr(a: AttributeValue): unknown {
  if (a.S !== undefined) return a.S;
  if (a.N !== undefined) return Number(a.N);
  if (a.BOOL !== undefined) return a.BOOL;
  if (a.NULL !== undefined) return null;
  if (a.L !== undefined) return a.L.map(fromAttr);
  if (a.M !== undefined) return unmarshall(a.M);
  if (a.SS !== undefined) return [...a.SS];
  if (a.NS !== undefined) return a.NS.map(Number);
  throw new TypeError('unsupported attribute type');
}

/** Unmarshals a whole item into a plain object. */
export function unmarshall(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[k] = fromAttr(v);
  return out;
}

/** The string value of an attribute ('' when absent or not a string). */
export function str(item: Item, name: string): string {
  return item[name]?.S ?? '';
}
