import type { Normalizer } from '../../mapping/types.ts';

/**
 * The Google APIs omit false booleans and empty objects from their JSON (`canIpForward`,
 * `privateIpGoogleAccess`, `versioning: {}`); the provider stores `false`. Null becomes false.
 */
export const absentAsFalse: Normalizer = {
  name: 'absent-as-false',
  apply: (v) => (v === null || v === undefined ? false : v),
};

/** Upper-case enums and locations the API and provider spell differently (`US` vs `us`). */
export const upperCase: Normalizer = {
  name: 'upper-case',
  apply(v) {
    if (typeof v === 'string') return v.toUpperCase();
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.toUpperCase() : x));
    return v;
  },
};

/**
 * Durations: the API renders `86400s` or `86400.000s`, the provider stores what the config said
 * (`86400s`), and the generic step may have made a bare number of seconds. Canonical: `<n>s`.
 */
export const gcpDuration: Normalizer = {
  name: 'gcp-duration',
  apply(v) {
    if (typeof v === 'number') return `${v}s`;
    if (typeof v !== 'string') return v;
    const m = /^(\d+(?:\.\d+)?)s$/.exec(v.trim());
    return m ? `${Number(m[1])}s` : v;
  },
};
