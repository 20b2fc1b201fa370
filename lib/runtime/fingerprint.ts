import { createHmac } from 'node:crypto';
import { fingerprintMaterial } from '../core/lifecycle/index.ts';
import type { Drift } from '../core/model/drift.ts';

/**
 * Keyed fingerprint of a drift's content (the lifecycle's canonical material under HMAC-SHA256):
 * equal fingerprints = the same drift as last scan = nothing to write.
 */
export function createFingerprint(key: string): (d: Drift) => string {
  return (d) => createHmac('sha256', key).update(fingerprintMaterial(d)).digest('base64url').slice(0, 32);
}
