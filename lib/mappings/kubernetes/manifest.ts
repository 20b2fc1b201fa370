import type { AttributeRule, Normalizer, ResourceMapping } from '../../core/mapping/types.ts';
import { k8sKey } from '../../core/model/identity.ts';
import { effectiveNamespace, isClusterScopedKind } from '../../core/model/kubernetes.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { isPlainObject } from '../../core/model/plain-object.ts';
import { isSensitive } from '../../core/model/sensitive.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { alignNamedLists, fillOmittedZeros } from '../../core/normalize/kubernetes/align.ts';
import { k8sQuantities } from '../../core/normalize/kubernetes/quantity.ts';
import { k8sSecretStringData, secretAsText } from '../../core/normalize/kubernetes/secret-data.ts';
import { k8sServerFields } from '../../core/normalize/kubernetes/server-fields.ts';
import { anyCluster } from './common.ts';
import { secretValuesOpaque } from './secret-marker.ts';

/**
 * The desired object of a manifest resource. Terraform keeps kubernetes_manifest's dynamic
 * `manifest` as `{ value, type }` in state; --manifests resources carry the object itself.
 */
export function manifestObject(res: StateResource, attribute = 'manifest'): Record<string, unknown> | null {
  let m = res.attributes[attribute];
  if (isPlainObject(m) && 'value' in m && 'type' in m && Object.keys(m).length === 2) m = m.value;
  return isPlainObject(m) && !isSensitive(m) ? m : null;
}

/** k8sKey of the object; without a namespace it may also be cluster-scoped (an unknown custom kind). */
function identities(res: StateResource): string[] {
  // A manifest the state sealed whole still has its applied `object` to name it.
  const m = manifestObject(res) ?? manifestObject(res, 'object');
  const meta = isPlainObject(m?.metadata) ? m.metadata : null;
  if (!m || !meta || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string') return [];
  if (typeof meta.name !== 'string' || meta.name === '') return [];
  const ns = effectiveNamespace(m.kind, meta.namespace);
  const keys = [k8sKey(m.apiVersion, m.kind, ns, meta.name)];
  const omitted = typeof meta.namespace !== 'string' || meta.namespace === '';
  if (omitted && !isClusterScopedKind(m.kind)) keys.push(k8sKey(m.apiVersion, m.kind, null, meta.name));
  return keys;
}

// apiVersion may differ by version only (the identity ignores it); name and namespace are the identity.
function comparable(m: Record<string, unknown>): Record<string, unknown> {
  const { apiVersion: _v, ...rest } = m;
  if (!isPlainObject(rest.metadata)) return rest;
  const { name: _n, namespace: _ns, ...metadata } = rest.metadata;
  return { ...rest, metadata };
}

/** Secret payloads never print: plain values (an unsealed Terraform manifest) become opaque. */
const secretDataOpaque: Normalizer = {
  name: 'k8s-manifest-secret-opaque',
  apply(v) {
    if (!isPlainObject(v) || v.kind !== 'Secret' || !isPlainObject(v.data)) return v;
    return { ...v, data: secretValuesOpaque.apply(v.data) };
  },
};

const objectRule: AttributeRule = {
  // Reported paths are the manifest's own, without prefix: `spec.replicas`,
  // `spec.template.spec.containers.0.image`, `data.password`.
  path: '',
  desired: (res) => {
    const m = manifestObject(res);
    if (!m) return ABSENT;
    // --manifests Secrets arrive decoded and sealed; Terraform's keep base64 + stringData.
    return comparable(res.manifestPath === undefined ? (k8sSecretStringData.apply(m) as typeof m) : m);
  },
  actual: (live, res) => {
    const m = manifestObject(res);
    if (live.attributes === null || !m) return ABSENT;
    const object = res.manifestPath === undefined ? live.attributes : secretAsText(live.attributes);
    const desired = comparable(m);
    return fillOmittedZeros(desired, alignNamedLists(desired, comparable(object)));
  },
  normalize: [k8sServerFields, k8sQuantities, secretDataOpaque],
  compare: 'subset',
};

/**
 * kubernetes_manifest (Terraform) and every object from --manifests: the desired manifest against
 * the live object, comparing only the paths the manifest sets, so server-side fields and API
 * defaults are never drift. Any kind: native types are taken from the object ('*').
 */
export const kubernetesManifest: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: ['kubernetes_manifest'],
  nativeTypes: ['*'],
  identities,
  scope: anyCluster,
  attributes: [objectRule],
};

/** The mapping for StateResources parsed from --manifests (type 'kubernetes_manifest'). */
export const manifestObjectMapping = kubernetesManifest;
