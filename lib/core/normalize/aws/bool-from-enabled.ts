import type { Normalizer } from '../../mapping/types.ts';

const TRUE = new Set(['enabled', 'true', 'on', 'yes']);
const FALSE = new Set(['disabled', 'suspended', 'off', 'false', 'no', 'disabling']);

/** 'Enabled'/'ENABLED'/true → true; 'Suspended'/'Disabled'/'Off'/false → false; else unchanged. */
export function boolFromEnabled(v: unknown): unknown {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return v;
}

/** Status words and booleans as one boolean (S3 versioning status vs provider-v3 `enabled`). */
export const boolFromEnabledNormalizer: Normalizer = { name: 'bool-from-enabled', apply: boolFromEnabled };
