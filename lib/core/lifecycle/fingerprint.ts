import type { Drift } from '../model/drift.ts';
import { stableStringify } from '../model/stable-json.ts';

/**
 * Canonical text a fingerprint hashes: kind, category, severity and the changes, sensitive ones by
 * their keyed-hash digest only (their values are placeholders). The caller applies its keyed hash.
 */
export function fingerprintMaterial(d: Drift): string {
  return stableStringify({
    kind: d.kind,
    category: d.category,
    severity: d.severity,
    changes: d.changes.map((c) =>
      c.sensitive
        ? { path: c.path, digest: c.digest ?? '' }
        : { path: c.path, desired: c.desired, actual: c.actual },
    ),
  });
}
