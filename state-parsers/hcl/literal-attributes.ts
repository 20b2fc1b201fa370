import { isCredential } from './credentials.ts';

export type Scalar = string | number | boolean;

/**
 * hcl2json renders any expression (var.x, functions, templates) as a `${…}` / `%{…}` string, so a
 * string holding one is not a literal: Terraform would not accept it in a backend either. Known
 * loss: an escaped literal `$${x}` looks the same and is dropped too.
 */
function isLiteral(v: unknown): v is Scalar {
  if (typeof v === 'string') return !/[$%]\{/.test(v);
  return typeof v === 'number' || typeof v === 'boolean';
}

/**
 * Keeps the literal scalar attributes of a block, one level of object attributes flattened to
 * `outer.inner` (s3 `assume_role = { role_arn = … }`, `endpoints = { s3 = … }`); lists, nested
 * blocks, expressions and credentials are left out.
 */
export function literalAttributes(body: Record<string, unknown>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(body)) {
    if (isCredential(key, value)) continue;
    if (isLiteral(value)) out[key] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) {
        if (isLiteral(v) && !isCredential(inner, v)) out[`${key}.${inner}`] = v;
      }
    }
  }
  return out;
}
