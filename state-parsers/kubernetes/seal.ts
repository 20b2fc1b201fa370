import { decodeBase64Text } from '../../lib/core/model/kubernetes.ts';
import { isPlainObject } from '../../lib/core/model/plain-object.ts';
import {
  isSecretName,
  isSensitive,
  looksLikeSecret,
  type SensitiveHasher,
  sensitive,
} from '../../lib/core/model/sensitive.ts';

// camelCase Kubernetes fields that name or point at a secret rather than hold one
// (`secretName`, `tokenSecretRef`, `secretNamespace`, `passwordFile`).
const REFERENCE_NAME = /(Name|Ref|Refs|Namespace|Path|File|Key[Rr]ef)$/;

// `__proto__` is a legal Secret/ConfigMap key: define it, never assign it.
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function secretField(key: string): boolean {
  return isSecretName(key) && !REFERENCE_NAME.test(key);
}

/** Seals string leaves named like secrets or shaped like them; `{name: DB_PASSWORD, value}` pairs too. */
function sealDeep(v: unknown, key: string, hasher: SensitiveHasher): unknown {
  if (Array.isArray(v)) return v.map((x) => sealDeep(x, '', hasher));
  if (isPlainObject(v)) {
    if (isSensitive(v)) return v;
    const out: Record<string, unknown> = {};
    const namedSecret = typeof v.name === 'string' && isSecretName(v.name);
    for (const [k, val] of Object.entries(v)) {
      setOwn(
        out,
        k,
        namedSecret && k === 'value' && typeof val === 'string' && val !== ''
          ? sensitive(hasher, val)
          : sealDeep(val, k, hasher),
      );
    }
    return out;
  }
  if (typeof v === 'string' && v !== '' && (secretField(key) || looksLikeSecret(v)))
    return sensitive(hasher, v);
  return v;
}

/**
 * A Secret's payload as the API server stores it: `stringData` merged over `data` (stringData
 * wins), every value decoded to text and sealed, so it compares with the live (base64) `data`
 * after decoding there too. `stringData` is write-only and never appears live.
 */
function sealSecretData(obj: Record<string, unknown>, hasher: SensitiveHasher): Record<string, unknown> {
  const { data, stringData, ...rest } = obj;
  if (!isPlainObject(data) && !isPlainObject(stringData)) return rest;
  const merged: Record<string, unknown> = {};
  if (isPlainObject(data)) {
    for (const [k, v] of Object.entries(data)) {
      if (v === null || v === undefined) continue;
      const text = typeof v === 'string' ? (decodeBase64Text(v) ?? v) : String(v);
      setOwn(merged, k, sensitive(hasher, text));
    }
  }
  if (isPlainObject(stringData)) {
    for (const [k, v] of Object.entries(stringData)) {
      if (v !== null && v !== undefined)
        setOwn(merged, k, sensitive(hasher, typeof v === 'string' ? v : String(v)));
    }
  }
  return { ...rest, data: merged };
}

/** Seals every secret in a manifest object before it goes anywhere else. */
export function sealManifest(obj: Record<string, unknown>, hasher: SensitiveHasher): Record<string, unknown> {
  const base = obj.kind === 'Secret' ? sealSecretData(obj, hasher) : obj;
  return sealDeep(base, '', hasher) as Record<string, unknown>;
}
