import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SensitiveHasher } from '../../../../lib/core/model/sensitive.ts';

/** Deterministic keyed hasher for tests and goldens (the key is public; it only has to be fixed). */
export const testHasher: SensitiveHasher = (plain) =>
  `hmac:${createHmac('sha256', 'driftwatch-golden').update(plain).digest('hex').slice(0, 16)}`;

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/state');

/** Every fixture case folder name, sorted. */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Yields `bytes` in chunks of `size` (to exercise every chunk boundary). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
