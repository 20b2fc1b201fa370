import type { Normalizer } from '../../mapping/types.ts';

// ARM accepts display names ("West Europe") and returns programmatic names ("westeurope"); the
// azurerm provider stores whatever it last read, so both spellings are the same region.
function canonLocation(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/** Azure region: "West Europe" = "westeurope" = "WestEurope" (lower-case, no spaces). */
export const azureLocation: Normalizer = {
  name: 'azure-location',
  apply(v) {
    if (typeof v === 'string') return canonLocation(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? canonLocation(x) : x));
    return v;
  },
};
