// A small JSON Schema (2020-12 subset) checker: enough of the keywords z.toJSONSchema emits to
// validate API responses against the served OpenAPI document, so the document itself is tested.

type Schema = Record<string, unknown>;

/** Problems of `value` against `schema` ($refs resolved in `root`); empty when it validates. */
export function checkSchema(schema: unknown, value: unknown, root: unknown, at = '$'): string[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [`${at}: no value allowed`];
  const s = schema as Schema;
  if (typeof s.$ref === 'string') return checkSchema(resolve(root, s.$ref), value, root, at);
  const errors: string[] = [];
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => checkSchema(sub, value, root, at).length === 0))
    errors.push(`${at}: matches none of anyOf`);
  if (
    Array.isArray(s.oneOf) &&
    s.oneOf.filter((sub) => checkSchema(sub, value, root, at).length === 0).length !== 1
  )
    errors.push(`${at}: does not match exactly one of oneOf`);
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) errors.push(...checkSchema(sub, value, root, at));
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => hasType(t, value))) return [...errors, `${at}: expected ${types.join('|')}`];
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === value)) errors.push(`${at}: not in enum`);
  if ('const' in s && s.const !== value) errors.push(`${at}: not the const`);
  if (typeof value === 'string') errors.push(...checkString(s, value, at));
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${at}: below minimum`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${at}: above maximum`);
  }
  if (Array.isArray(value) && s.items !== undefined)
    for (const [i, v] of value.entries()) errors.push(...checkSchema(s.items, v, root, `${at}[${i}]`));
  if (isObject(value)) errors.push(...checkObject(s, value, root, at));
  return errors;
}

function checkString(s: Schema, value: string, at: string): string[] {
  const errors: string[] = [];
  if (typeof s.minLength === 'number' && value.length < s.minLength)
    errors.push(`${at}: shorter than minLength`);
  if (typeof s.maxLength === 'number' && value.length > s.maxLength)
    errors.push(`${at}: longer than maxLength`);
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
    errors.push(`${at}: fails pattern`);
  if (s.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${at}: not a date-time`);
  return errors;
}

function checkObject(s: Schema, value: Record<string, unknown>, root: unknown, at: string): string[] {
  const errors: string[] = [];
  const props = (s.properties ?? {}) as Record<string, unknown>;
  for (const key of (s.required ?? []) as string[])
    if (!(key in value)) errors.push(`${at}.${key}: required`);
  for (const [key, v] of Object.entries(value)) {
    if (key in props) errors.push(...checkSchema(props[key], v, root, `${at}.${key}`));
    else if (s.additionalProperties === false) errors.push(`${at}.${key}: additional property`);
    else if (isObject(s.additionalProperties))
      errors.push(...checkSchema(s.additionalProperties, v, root, `${at}.${key}`));
  }
  return errors;
}

function hasType(t: string, v: unknown): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'integer':
      return Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      return typeof v === t;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function resolve(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node;
}
