import { z } from 'zod';
import { stableStringify } from './stable-json.ts';

/**
 * A value the state marked sensitive (or that looks like a secret), replaced at parse time by a keyed
 * hash. Two sensitive values compare equal when their hashes are equal; the value itself is gone.
 */
export const SensitiveValueSchema = z.object({ $sensitive: z.string() }).strict();
export type SensitiveValue = z.infer<typeof SensitiveValueSchema>;

/** Keyed one-way hash (HMAC) injected by the composition root; core code never sees the key. */
export type SensitiveHasher = (plain: string) => string;

/** What every output prints in place of a sensitive value. */
export const SENSITIVE_PLACEHOLDER = '(sensitive)';

export function isSensitive(v: unknown): v is SensitiveValue {
  return (
    typeof v === 'object' && v !== null && typeof (v as { $sensitive?: unknown }).$sensitive === 'string'
  );
}

/** Canonical text of a value before hashing, so 5432 and "5432", or reordered keys, hash alike. */
function canonicalText(plain: unknown): string {
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'number' || typeof plain === 'boolean') return String(plain);
  return stableStringify(plain);
}

/** Seals a plain value: from here on only its keyed hash exists. */
export function sensitive(hasher: SensitiveHasher, plain: unknown): SensitiveValue {
  if (isSensitive(plain)) return plain;
  return { $sensitive: hasher(canonicalText(plain)) };
}

// Attribute names whose values are secrets whatever the provider schema says. Matched against the
// last path segment, case-insensitively, on word boundaries (`db_password`, `clientSecret`).
const SECRET_NAME =
  /(^|[_\-.]|(?<=[a-z]))(password|passwd|secret|private_?key|token|access_?key|secret_?key|connection_?string|sas_?url|primary_?key|secondary_?key|auth_?key|api_?key|credentials?|kubeconfig|client_?key|client_?certificate)s?($|[_\-.]|(?=[A-Z]))/i;

// Names that contain a secret word but hold no secret (ids, ARNs, references, flags, policies).
const NOT_SECRET =
  /(_arn|_id|_ids|_name|_names|_version|_versions|_enabled|_type|_policy|_length|_count|_expiration|_rotation|_uri_?name|_key_vault_id|_key_id|_secret_name|_secret_id|_hash|_sha|_reference|_ref|_authentication|_auth_enabled|_rotation_enabled|_ttl|_seconds|_days|_duration|_period)$|^(disable_password_authentication|password_authentication|http_tokens|wait_for_service_account_token|token_?type|secret_?type|key_?vault_?id|kms_?key_?id|secret_?id|auto_?rotate|password_?policy|password_?reset_?required)$/i;

/** True when an attribute called `name` carries a secret by its name alone. */
export function isSecretName(name: string): boolean {
  if (NOT_SECRET.test(name)) return false;
  return SECRET_NAME.test(name);
}

// Value shapes that are secrets wherever they appear: PEM private keys, AWS secret keys are
// 40-char base64 (too broad alone), so only unmistakable forms are listed.
const SECRET_VALUE = [
  /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/,
  /\bAKIA[0-9A-Z]{16}\b.*[A-Za-z0-9/+=]{40}/s,
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/,
  /AccountKey=[A-Za-z0-9+/=]{20,}/,
  /\bsig=[A-Za-z0-9%+/=]{20,}/,
  /"private_key"\s*:\s*"-----BEGIN/,
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/,
];

// One pass for the markers every pattern above starts with: most strings (ids, ARNs, URLs) have
// none, and then the eight full patterns are not tried at all.
const SECRET_MARKER = /-----BEGIN|AKIA|gh[pousr]_|xox[abprs]-|AccountKey=|sig=|eyJ/;

/** True when a string value looks like a secret whatever its attribute name. */
export function looksLikeSecret(value: string): boolean {
  if (value.length < 16 || !SECRET_MARKER.test(value)) return false;
  return SECRET_VALUE.some((re) => re.test(value));
}
