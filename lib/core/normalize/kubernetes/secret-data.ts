import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { decodeBase64Text } from '../../model/kubernetes.ts';
import { isSensitive } from '../../model/sensitive.ts';
import { setOwn } from './own.ts';

/**
 * Secret `data` (base64, as the API returns it) as text, the form the kubernetes provider keeps
 * in state and the manifest parser seals. Values that are not base64 are kept as they are.
 */
export function decodeSecretData(data: unknown): unknown {
  if (!isPlainObject(data) || isSensitive(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    setOwn(out, k, typeof v === 'string' ? (decodeBase64Text(v) ?? v) : v);
  }
  return out;
}

/**
 * A Secret object with `data` decoded to text and `stringData` merged over it, as the API server
 * would store it: `data: {a: "aGk="}` and `stringData: {a: "hi"}` compare equal. Idempotent on
 * objects whose values are already text (decoding is skipped for values that are not base64).
 */
export function secretAsText(obj: Record<string, unknown>): Record<string, unknown> {
  if (obj.kind !== 'Secret') return obj;
  const { stringData, ...rest } = obj;
  const data = decodeSecretData(obj.data);
  if (!isPlainObject(stringData)) return isPlainObject(data) ? { ...rest, data } : rest;
  return { ...rest, data: { ...(isPlainObject(data) ? data : {}), ...stringData } };
}

/**
 * Normalizer form of the stringData merge only (no decoding, which must happen before sealing):
 * `stringData` values are base64-encoded into `data`. Idempotent.
 */
export const k8sSecretStringData: Normalizer = {
  name: 'k8s-secret-string-data',
  apply(v) {
    if (!isPlainObject(v) || v.kind !== 'Secret' || !isPlainObject(v.stringData)) return v;
    const { stringData, ...rest } = v;
    const encoded = Object.fromEntries(
      Object.entries(stringData).map(([k, s]) => [k, typeof s === 'string' ? toBase64(s) : s]),
    );
    return { ...rest, data: { ...(isPlainObject(v.data) ? v.data : {}), ...encoded } };
  },
};

function toBase64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}
