import type { Normalizer } from '../../mapping/types.ts';

/**
 * ARM omits many booleans until they are set (`enablePurgeProtection`, `isHnsEnabled`) and returns
 * null for others on old resources; the service default then applies. Replaces null/undefined by
 * that default so "omitted" and the default compare equal.
 */
export function nullAs(fallback: string | number | boolean): Normalizer {
  return {
    name: `null-as-${String(fallback)}`,
    apply: (v) => (v === null || v === undefined ? fallback : v),
  };
}

const ENUM_BOOL: Record<string, boolean> = { enabled: true, disabled: false };

/**
 * ARM `"Enabled"`/`"Disabled"` enums (publicNetworkAccess, privateLinkServiceNetworkPolicies) against
 * the provider's `*_enabled` booleans. Other enum values (`SecuredByPerimeter`) pass through.
 */
export const enabledDisabledBool: Normalizer = {
  name: 'enabled-disabled-bool',
  apply(v) {
    if (typeof v !== 'string') return v;
    const b = ENUM_BOOL[v.toLowerCase()];
    return b === undefined ? v : b;
  },
};
