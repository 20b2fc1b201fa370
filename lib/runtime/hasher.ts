import { createHmac, randomBytes } from 'node:crypto';
import type { SensitiveHasher } from '../core/model/sensitive.ts';

/**
 * Keyed hash for sensitive values. The key comes from DRIFTWATCH_HASH_KEY when set (so stored
 * hashes stay comparable across runs), else a random per-process key: then no hash can be
 * brute-forced offline, because none outlives the process.
 */
export function createHasher(key = process.env.DRIFTWATCH_HASH_KEY): SensitiveHasher {
  const secret = key && key.length > 0 ? key : randomBytes(32).toString('hex');
  return (plain) => `hmac-sha256:${createHmac('sha256', secret).update(plain).digest('hex').slice(0, 32)}`;
}
