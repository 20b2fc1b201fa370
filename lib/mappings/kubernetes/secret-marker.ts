import type { Normalizer } from '../../core/mapping/types.ts';
import { isPlainObject } from '../../core/model/plain-object.ts';
import { isSecretName, isSensitive } from '../../core/model/sensitive.ts';
import { setOwn } from '../../core/normalize/kubernetes/own.ts';

// FNV-1a over two lanes (64 bits): an equality token, never printed (sensitive values always
// print as the placeholder), so it needs no key.
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function opaque(val: unknown): unknown {
  return { $sensitive: `unsealed:${digest(typeof val === 'string' ? val : JSON.stringify(val))}` };
}

/**
 * Secret payloads must never reach a report even when the state did not seal them (old states
 * without `sensitive_attributes`): every plain value of the map becomes an opaque sensitive token.
 * Values already sealed are left alone. Idempotent.
 */
export const secretValuesOpaque: Normalizer = {
  name: 'k8s-secret-values-opaque',
  apply(v) {
    if (!isPlainObject(v) || isSensitive(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      setOwn(out, k, val === null || val === undefined || isSensitive(val) ? val : opaque(val));
    }
    return out;
  },
};

function namedValues(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(namedValues);
  if (!isPlainObject(v) || isSensitive(v)) return v;
  const secret = typeof v.name === 'string' && isSecretName(v.name);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    setOwn(
      out,
      k,
      secret && k === 'value' && val !== null && val !== undefined && !isSensitive(val)
        ? opaque(val)
        : namedValues(val),
    );
  }
  return out;
}

/**
 * `{ name: DB_PASSWORD, value: ... }` pairs (container env) hold secrets the state rarely seals:
 * their values become opaque sensitive tokens, deep. Idempotent.
 */
export const secretNamedValuesOpaque: Normalizer = {
  name: 'k8s-secret-named-values-opaque',
  apply: namedValues,
};
