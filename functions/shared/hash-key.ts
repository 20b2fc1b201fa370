import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvironmentError } from './errors.ts';

/** The part of the secrets client the key loader uses (tests pass a fake). */
export interface SecretReader {
  send(cmd: GetSecretValueCommand): Promise<{ SecretString?: string }>;
}

let cached: { arn: string; key: Promise<string> } | undefined;

/**
 * The HMAC key that seals sensitive values and keys fingerprints. Every shard and the finalize
 * must use the same one, so there is no random fallback: DRIFTWATCH_HASH_KEY (local/tests), else
 * the Secrets Manager secret, read once per container.
 */
export function loadHashKey(
  env: { HASH_KEY_SECRET_ARN?: string; DRIFTWATCH_HASH_KEY?: string },
  client: SecretReader = new SecretsManagerClient({}),
): Promise<string> {
  if (env.DRIFTWATCH_HASH_KEY) return Promise.resolve(env.DRIFTWATCH_HASH_KEY);
  const arn = env.HASH_KEY_SECRET_ARN;
  if (!arn) return Promise.reject(new EnvironmentError('HASH_KEY_SECRET_ARN is not set'));
  if (cached?.arn !== arn) {
    const key = client.send(new GetSecretValueCommand({ SecretId: arn })).then((out) => {
      const value = out.SecretString?.trim();
      if (!value) throw new EnvironmentError('the hash key secret has no string value');
      return value;
    });
    // A failed read is not cached: the next invocation tries again.
    key.catch(() => {
      if (cached?.key === key) cached = undefined;
    });
    cached = { arn, key };
  }
  return cached.key;
}
