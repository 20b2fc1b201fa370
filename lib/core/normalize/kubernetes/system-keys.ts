import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';

// Label/annotation keys that controllers, the API server or kubectl write on their own. Whole
// prefixes (`deployment.kubernetes.io/`) where the controller owns the domain part, exact keys
// otherwise. Deliberately NOT here, because people set them and a change is real drift:
// `pod-security.kubernetes.io/*` (admission levels), `kubectl.kubernetes.io/restartedAt`
// (a rollout restart by hand), `storageclass.kubernetes.io/is-default-class`.
const SYSTEM_PREFIXES = [
  'deployment.kubernetes.io/',
  'pv.kubernetes.io/',
  'volume.kubernetes.io/',
  'volume.beta.kubernetes.io/',
  'control-plane.alpha.kubernetes.io/',
  'endpoints.kubernetes.io/',
  'autoscaling.alpha.kubernetes.io/',
  'batch.kubernetes.io/',
  // GKE Autopilot records its own resource adjustments on workloads.
  'autopilot.gke.io/',
];
const SYSTEM_KEYS = new Set([
  'kubernetes.io/metadata.name',
  'kubectl.kubernetes.io/last-applied-configuration',
  'kubernetes.io/service-account.name',
  'kubernetes.io/service-account.uid',
  'cloud.google.com/neg-status',
  // GKE adds this to every Service of a VPC-native cluster; kept when the state sets it.
  'cloud.google.com/neg',
  'controller-uid',
  'pod-template-hash',
]);

/** True when Kubernetes (not a person or a tool of theirs) writes this label/annotation key. */
export function isSystemKey(key: string): boolean {
  return SYSTEM_KEYS.has(key) || SYSTEM_PREFIXES.some((p) => key.startsWith(p));
}

/** Drops system-owned keys from a label/annotation map. Idempotent. */
export const k8sWithoutSystemKeys: Normalizer = {
  name: 'k8s-without-system-keys',
  apply(v) {
    if (!isPlainObject(v) || '$sensitive' in v) return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => !isSystemKey(k)));
  },
};

/** Live map without the system keys the desired map does not set itself. */
export function liveMapFor(desired: unknown, live: unknown): unknown {
  if (!isPlainObject(live)) return live;
  const wanted = isPlainObject(desired) ? desired : {};
  return Object.fromEntries(Object.entries(live).filter(([k]) => k in wanted || !isSystemKey(k)));
}
