import { isPlainObject } from '../../diff/path.ts';

// Labels GCP itself puts on resources (`goog-managed-by`, `goog-ops-agent-policy`, GKE's
// `goog-k8s-*`); they belong to the platform unless the configuration declares them.
const SYSTEM_LABEL = /^goog-/;

/**
 * Desired labels across provider generations: v5+ `effective_labels` (config labels + provider
 * default_labels + attribution label) when present, else v4 `labels`.
 */
export function desiredGcpLabels(attributes: Record<string, unknown>): Record<string, unknown> | null {
  const effective = attributes.effective_labels;
  if (isPlainObject(effective)) return effective;
  return isPlainObject(attributes.labels) ? attributes.labels : null;
}

/** Live labels without the system `goog-*` labels the desired side does not declare. */
export function liveGcpLabels(
  live: Record<string, string>,
  desired: Record<string, unknown> | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live)) {
    if (SYSTEM_LABEL.test(k) && !(desired && k in desired)) continue;
    out[k] = v;
  }
  return out;
}

/** Compute `metadata.items[{key,value}]` as the provider's `metadata` map. */
export function metadataItemsToMap(metadata: unknown): Record<string, unknown> | null {
  if (!isPlainObject(metadata)) return null;
  const out: Record<string, unknown> = {};
  for (const item of Array.isArray(metadata.items) ? metadata.items : []) {
    if (isPlainObject(item) && typeof item.key === 'string') out[item.key] = item.value ?? '';
  }
  return out;
}
