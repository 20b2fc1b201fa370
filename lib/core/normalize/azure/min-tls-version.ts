import type { Normalizer } from '../../mapping/types.ts';

/**
 * Minimum TLS version: ARM `TLS1_2`, the provider `TLS1_2`, docs and other tools `1.2`/`TLS1.2`
 * (the generic step may already have made `1.2` a number). An account that never set it reports
 * nothing, which means the service default TLS1_0.
 */
export const minTlsVersion: Normalizer = {
  name: 'min-tls-version',
  apply(v) {
    if (v === null || v === undefined) return 'TLS1_0';
    if (typeof v !== 'string' && typeof v !== 'number') return v;
    const m = /^(?:tls)?\s*(\d)[._](\d)$/i.exec(String(v).trim());
    return m ? `TLS${m[1]}_${m[2]}` : v;
  },
};
