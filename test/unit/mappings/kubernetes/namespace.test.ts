import { describe, expect, it } from 'vitest';
import { kubernetesNamespace } from '../../../../lib/mappings/kubernetes/index.ts';
import { changes, fixture, liveOf, setPath, stateOf } from './helpers.ts';

const state = () => stateOf(fixture('state-namespace-shop.json'));

function drift(mutate: (obj: Record<string, unknown>) => void) {
  const obj = fixture('live-namespace-shop.json');
  mutate(obj);
  return changes(kubernetesNamespace, state(), liveOf(obj));
}

describe('kubernetes_namespace(_v1)', () => {
  it('identifies a cluster-scoped Namespace (no namespace part)', () => {
    expect(kubernetesNamespace.identities(state())).toEqual(['/Namespace//shop']);
  });

  it('ignores the kubernetes.io/metadata.name label the API adds', () => {
    expect(drift(() => {})).toEqual([]);
  });

  it('reports a label changed and one added', () => {
    expect(
      drift((o) => {
        setPath(o, 'metadata.labels.team', 'payments');
        setPath(o, ['metadata', 'labels', 'pod-security.kubernetes.io/enforce'], 'privileged');
      }),
    ).toEqual([
      { path: 'metadata.0.labels.pod-security.kubernetes.io/enforce', desired: null, actual: 'privileged' },
      { path: 'metadata.0.labels.team', desired: 'storefront', actual: 'payments' },
    ]);
  });
});
