import { isPlainObject } from '../../shared/inventory-formats/index.ts';

// The REST transport decodes responses into protobuf objects: `resource.data` arrives as a
// google.protobuf.Struct (`{fields: {k: {stringValue, kind}}}`) and times as `{seconds, nanos}`.
// These turn them back into the documented REST JSON, the shape the shared reader understands.

function value(v: unknown): unknown {
  if (!isPlainObject(v)) return null;
  switch (v.kind) {
    case 'stringValue':
      return v.stringValue;
    case 'numberValue':
      return v.numberValue;
    case 'boolValue':
      return v.boolValue;
    case 'structValue':
      return struct(v.structValue);
    case 'listValue':
      return isPlainObject(v.listValue) && Array.isArray(v.listValue.values)
        ? v.listValue.values.map(value)
        : [];
    default:
      return null;
  }
}

/** google.protobuf.Struct object → plain JSON object. */
export function struct(s: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(s) || !isPlainObject(s.fields)) return out;
  for (const [k, v] of Object.entries(s.fields)) out[k] = value(v);
  return out;
}

/** google.protobuf.Timestamp object → RFC 3339 string; undefined when unset. */
export function timestamp(t: unknown): string | undefined {
  if (!isPlainObject(t)) return undefined;
  const seconds = Number(t.seconds ?? 0);
  const nanos = Number(t.nanos ?? 0);
  if (!Number.isFinite(seconds) || (seconds === 0 && nanos === 0)) return undefined;
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
}

const nonEmpty = (s: unknown) => (typeof s === 'string' && s !== '' ? s : undefined);

/** One decoded `google.cloud.asset.v1.Asset` → its REST JSON form (camelCase, data as JSON). */
export function assetJson(a: unknown): Record<string, unknown> {
  if (!isPlainObject(a)) return {};
  const r = isPlainObject(a.resource) ? a.resource : undefined;
  return {
    name: a.name,
    assetType: a.assetType,
    ...(r
      ? {
          resource: {
            version: nonEmpty(r.version),
            discoveryDocumentUri: nonEmpty(r.discoveryDocumentUri),
            discoveryName: nonEmpty(r.discoveryName),
            parent: nonEmpty(r.parent),
            data: r.data ? struct(r.data) : undefined,
            location: nonEmpty(r.location),
          },
        }
      : {}),
    ancestors: Array.isArray(a.ancestors) ? a.ancestors : [],
    updateTime: timestamp(a.updateTime),
  };
}
