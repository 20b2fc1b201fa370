import { describe, expect, it } from 'vitest';
import { k8sKey } from '../../../../lib/core/model/identity.ts';
import { defaultsFor } from '../../../../lib/mappings/defaults/index.ts';
import {
  kubernetesIdentities,
  kubernetesScope,
  splitK8sNativeType,
} from '../../../../lib/mappings/defaults/kubernetes.ts';
import { stateResource } from './state-resource.ts';

const metadata = (name: string, namespace?: string) => [
  {
    name,
    namespace,
    labels: { app: name },
    annotations: {},
    generation: 3,
    resource_version: '918273',
    uid: 'x',
  },
];

describe('kubernetes defaults', () => {
  it('splits native types into apiVersion and kind', () => {
    expect(splitK8sNativeType('apps/v1/Deployment')).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(splitK8sNativeType('v1/ConfigMap')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(splitK8sNativeType('*')).toBeNull();
  });

  it('identity from metadata.0 and the native type', () => {
    const dep = stateResource('kubernetes_deployment_v1', {
      id: 'shop/web',
      metadata: metadata('web', 'shop'),
    });
    expect(kubernetesIdentities(['apps/v1/Deployment'])(dep)).toEqual(['apps/Deployment/shop/web']);
    expect(k8sKey('apps/v1', 'Deployment', 'shop', 'web')).toBe('apps/Deployment/shop/web');
  });

  it('cluster-scoped objects have an empty namespace; versions of one kind give one identity', () => {
    const hpa = stateResource('kubernetes_horizontal_pod_autoscaler', { metadata: metadata('api', 'shop') });
    const ids = kubernetesIdentities([
      'autoscaling/v1/HorizontalPodAutoscaler',
      'autoscaling/v2beta2/HorizontalPodAutoscaler',
    ]);
    expect(ids(hpa)).toEqual(['autoscaling/HorizontalPodAutoscaler/shop/api']);
    const ns = stateResource('kubernetes_namespace', { id: 'shop', metadata: metadata('shop') });
    expect(kubernetesIdentities(['v1/Namespace'])(ns)).toEqual(['/Namespace//shop']);
  });

  it('api_version/kind attributes (kubernetes_env) name the patched object', () => {
    const env = stateResource('kubernetes_env', {
      api_version: 'apps/v1',
      kind: 'StatefulSet',
      container: 'db',
      metadata: [{ name: 'pg', namespace: 'data' }],
    });
    const ids = kubernetesIdentities(['apps/v1/Deployment', 'apps/v1/StatefulSet', 'v1/Pod'])(env);
    expect(ids).toEqual(['apps/StatefulSet/data/pg']);
  });

  it('no metadata name, no identity; scope is any cluster', () => {
    const odd = stateResource('kubernetes_secret_v1', { metadata: [] });
    expect(kubernetesIdentities(['v1/Secret'])(odd)).toEqual([]);
    expect(kubernetesScope(odd)).toBe('kubernetes:*');
    expect(defaultsFor('kubernetes', ['v1/Secret']).scope(odd)).toBe('kubernetes:*');
  });
});
