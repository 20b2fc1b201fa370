import type { ResourceMapping } from '../../core/mapping/types.ts';
import { k8sKey } from '../../core/model/identity.ts';
import { effectiveNamespace, isClusterScopedKind } from '../../core/model/kubernetes.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { anyCluster } from './common.ts';

function text(res: StateResource, name: string): string {
  const v = res.attributes[name];
  return typeof v === 'string' ? v : '';
}

/** k8sKey from the flat `api_version`/`kind`/`namespace`/`name` attributes the kubectl provider keeps. */
function identities(res: StateResource): string[] {
  const apiVersion = text(res, 'api_version');
  const kind = text(res, 'kind');
  const name = text(res, 'name');
  if (!apiVersion || !kind || !name) return [];
  const given = text(res, 'override_namespace') || text(res, 'namespace');
  const keys = [k8sKey(apiVersion, kind, effectiveNamespace(kind, given), name)];
  if (!given && !isClusterScopedKind(kind)) keys.push(k8sKey(apiVersion, kind, null, name));
  return keys;
}

/**
 * kubectl_manifest (gavinbunney/kubectl): matched by identity so its objects are neither missing
 * nor unmanaged. Existence only: the desired object is YAML text in state (`yaml_body_parsed`),
 * which a mapping cannot parse (mappings import lib/core only).
 */
export const kubectlManifest: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: ['kubectl_manifest'],
  nativeTypes: ['*'],
  identities,
  scope: anyCluster,
  attributes: [],
};
