import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { setOwn } from './own.ts';

// Written by the API server or by kubectl, never by the author of a manifest. ownerReferences and
// finalizers are kept on purpose: when a manifest declares them they are real configuration, and
// subset comparison already ignores them when it does not.
const SERVER_METADATA = [
  'managedFields',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

// Bookkeeping annotations: the last-applied copy and the rollout counter. kubectl's
// `restartedAt` is kept: a `rollout restart` outside Git/Terraform is a real change.
export const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
];

function stripMetadata(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) {
    if (SERVER_METADATA.includes(k)) continue;
    if (k === 'annotations' && isPlainObject(v)) {
      const kept = Object.entries(v).filter(([a]) => !SERVER_ANNOTATIONS.includes(a));
      if (kept.length > 0) setOwn(out, k, Object.fromEntries(kept));
      continue;
    }
    setOwn(out, k, v);
  }
  return out;
}

/**
 * Kubernetes server-side fields: `status`, server-written metadata and bookkeeping annotations,
 * also inside pod templates (`spec.template.metadata`). Idempotent.
 */
export const k8sServerFields: Normalizer = {
  name: 'k8s-server-fields',
  apply(v) {
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      if (k === 'status') continue;
      if (k === 'metadata' && isPlainObject(val)) setOwn(out, k, stripMetadata(val));
      else if (k === 'spec' && isPlainObject(val) && isPlainObject(val.template)) {
        setOwn(out, k, { ...val, template: k8sServerFields.apply(val.template) });
      } else setOwn(out, k, val);
    }
    return out;
  },
};
