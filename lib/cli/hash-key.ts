import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HMAC key for a persistent store: stored hashes (fingerprints, sealed secrets) must be
 * comparable from one scan to the next, so a store needs a stable key. DRIFTWATCH_HASH_KEY wins;
 * else a random key is created once under the store directory, readable by its owner only.
 */
export function loadOrCreateHashKey(dir: string, env: Record<string, string | undefined>): string {
  const fromEnv = env.DRIFTWATCH_HASH_KEY;
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  const file = join(dir, 'hash-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
