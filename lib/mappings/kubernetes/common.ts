import { getPath } from '../../core/diff/path.ts';
import { firstBlock } from '../../core/mapping/accessors.ts';
import type { AttributeRule, Normalizer } from '../../core/mapping/types.ts';
import { scopeKey } from '../../core/model/coverage.ts';
import { k8sKey } from '../../core/model/identity.ts';
import { effectiveNamespace } from '../../core/model/kubernetes.ts';
import { ABSENT, type Absent, type LiveResource } from '../../core/model/live-resource.ts';
import { isPlainObject } from '../../core/model/plain-object.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { alignNamedLists, fillOmittedZeros } from '../../core/normalize/kubernetes/align.ts';
import { setOwn } from '../../core/normalize/kubernetes/own.ts';
import { k8sQuantities } from '../../core/normalize/kubernetes/quantity.ts';
import { liveMapFor } from '../../core/normalize/kubernetes/system-keys.ts';
import { secretNamedValuesOpaque } from './secret-marker.ts';
import { toTerraformShape } from './terraform-shape.ts';

/** Types served by one mapping: `kubernetes_deployment` and `kubernetes_deployment_v1`. */
export function withV1(type: string): string[] {
  return [type, `${type}_v1`];
}

/** `metadata.0` of a kubernetes_* resource in state. */
export function metadataBlock(res: StateResource): Record<string, unknown> {
  return firstBlock(res.attributes.metadata) ?? {};
}

/** Identity (k8sKey) of a kubernetes_* resource; the provider puts objects in 'default' by default. */
export function typedIdentity(apiVersion: string, kind: string): (res: StateResource) => string[] {
  return (res) => {
    const meta = metadataBlock(res);
    if (typeof meta.name !== 'string' || meta.name === '') return [];
    return [k8sKey(apiVersion, kind, effectiveNamespace(kind, meta.namespace), meta.name)];
  };
}

/** The cluster is not recorded in state: any cluster the inventory covers. */
export function anyCluster(_res: StateResource): string {
  return scopeKey.kubernetes('*');
}

/** Reads a path of the live object; ABSENT when the export carries no object. */
export function liveObject(path: string): (live: LiveResource) => unknown | Absent {
  return (live) => (live.attributes === null ? ABSENT : getPath(live.attributes, path));
}

/**
 * `metadata.0.labels` / `metadata.0.annotations`: compared key by key, so a label added by hand is
 * drift, but keys Kubernetes writes itself (`kubernetes.io/metadata.name`, the revision and
 * last-applied annotations) are not, unless the state sets them.
 */
export function metadataMapRule(field: 'labels' | 'annotations'): AttributeRule {
  return {
    path: `metadata.0.${field}`,
    actual: (live, res) => {
      const v = liveObject(`metadata.${field}`)(live);
      return v === ABSENT ? ABSENT : liveMapFor(metadataBlock(res)[field], v);
    },
    compare: 'map',
    skipUnsetDesired: false,
  };
}

/**
 * The whole `spec` block against the live spec in state shape: only what the state sets is
 * compared (subset), lists of named items are matched by name, omitted zero values count as
 * zero, and `providerDefaults` fields the provider fills but the API may leave out are taken as
 * equal when the live object does not carry them.
 */
export function specRule(
  providerDefaults: readonly string[] = [],
  normalize: readonly Normalizer[] = [],
): AttributeRule {
  const defaults = new Set(providerDefaults);
  return {
    path: 'spec',
    actual: (live, res) => {
      const spec = liveObject('spec')(live);
      if (spec === ABSENT) return ABSENT;
      const shaped = isPlainObject(spec) ? [toTerraformShape(spec)] : spec;
      const desired = res.attributes.spec;
      return fillOmittedZeros(
        desired,
        withProviderDefaults(desired, alignNamedLists(desired, shaped), defaults),
      );
    },
    normalize: [k8sQuantities, secretNamedValuesOpaque, ...normalize],
    compare: 'subset',
  };
}

function withProviderDefaults(desired: unknown, actual: unknown, keys: ReadonlySet<string>): unknown {
  if (keys.size === 0) return actual;
  if (Array.isArray(desired) && Array.isArray(actual)) {
    return actual.map((a, i) => withProviderDefaults(desired[i], a, keys));
  }
  if (isPlainObject(desired) && isPlainObject(actual)) {
    const out: Record<string, unknown> = { ...actual };
    for (const [k, d] of Object.entries(desired)) {
      if (keys.has(k) && (actual[k] === undefined || actual[k] === null)) setOwn(out, k, d);
      else if (k in actual) setOwn(out, k, withProviderDefaults(d, actual[k], keys));
    }
    return out;
  }
  return actual;
}
