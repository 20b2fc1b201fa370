import { describe, expect, it } from 'vitest';
import { kubectlManifest } from '../../../../lib/mappings/kubernetes/index.ts';
import { stateOf } from './helpers.ts';

const state = (attributes: Record<string, unknown>) =>
  stateOf({
    type: 'kubectl_manifest',
    name: 'x',
    provider: 'provider["registry.terraform.io/gavinbunney/kubectl"]',
    instances: [{ attributes }],
  });

describe('kubectl_manifest', () => {
  it('identifies the object from the flat attributes the kubectl provider keeps', () => {
    const res = state({
      api_version: 'cert-manager.io/v1',
      kind: 'Certificate',
      name: 'shop-tls',
      namespace: 'shop',
      yaml_body_parsed: 'apiVersion: cert-manager.io/v1\nkind: Certificate\n',
    });
    expect(kubectlManifest.identities(res)).toEqual(['cert-manager.io/Certificate/shop/shop-tls']);
    expect(kubectlManifest.attributes).toEqual([]);
  });

  it('honours override_namespace, and an unknown kind without namespace may be cluster-scoped', () => {
    expect(
      kubectlManifest.identities(
        state({ api_version: 'v1', kind: 'ConfigMap', name: 'c', namespace: '', override_namespace: 'ops' }),
      ),
    ).toEqual(['/ConfigMap/ops/c']);
    expect(
      kubectlManifest.identities(
        state({ api_version: 'example.com/v1', kind: 'Widget', name: 'w', namespace: '' }),
      ),
    ).toEqual(['example.com/Widget/default/w', 'example.com/Widget//w']);
    expect(
      kubectlManifest.identities(
        state({ api_version: 'cert-manager.io/v1', kind: 'ClusterIssuer', name: 'le' }),
      ),
    ).toEqual(['cert-manager.io/ClusterIssuer//le']);
  });

  it('has no identity without api_version, kind and name', () => {
    expect(kubectlManifest.identities(state({ kind: 'ConfigMap', name: 'c' }))).toEqual([]);
  });
});
