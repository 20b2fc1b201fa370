/**
 * Backend attributes that hold (or point at) credentials: s3 access_key/secret_key/token, azurerm
 * access_key/sas_token/client_secret/client_certificate_password, gcs credentials/access_token/
 * encryption_key, pg conn_str, http password. They are dropped at parse time, never returned.
 */
const CREDENTIAL_KEY =
  /(secret|password|passw|token|credentials|access_key|encryption_key|conn_str|private_key|client_certificate)/i;

/** Values that are credentials whatever their key: AWS key ids, PEM keys, storage keys, SAS. */
const CREDENTIAL_VALUE =
  /^(AKIA|ASIA)[A-Z0-9]{16}$|-----BEGIN [A-Z ]*PRIVATE KEY-----|AccountKey=|[?&]sig=[A-Za-z0-9%]{20,}/;

/** True when a backend attribute must never leave the parser. */
export function isCredential(key: string, value: unknown): boolean {
  return CREDENTIAL_KEY.test(key) || (typeof value === 'string' && CREDENTIAL_VALUE.test(value));
}
