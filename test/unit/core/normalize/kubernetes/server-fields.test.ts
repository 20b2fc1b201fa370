import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { k8sServerFields } from '../../../../../lib/core/normalize/kubernetes/server-fields.ts';

describe('k8sServerFields', () => {
  it('drops status, server-written metadata and bookkeeping annotations, also in pod templates', () => {
    const live = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'shop',
        uid: 'u',
        resourceVersion: '1',
        generation: 4,
        creationTimestamp: '2025-01-01T00:00:00Z',
        managedFields: [{ manager: 'kubectl' }],
        selfLink: '/apis/apps/v1/namespaces/shop/deployments/web',
        finalizers: ['example.com/keep'],
        ownerReferences: [{ kind: 'Rollout', name: 'web' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          'deployment.kubernetes.io/revision': '3',
          'team.example.com/owner': 'shop',
        },
      },
      spec: {
        replicas: 2,
        template: {
          metadata: {
            creationTimestamp: null,
            annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-03-01T10:00:00Z' },
          },
        },
      },
      status: { replicas: 2 },
    };
    expect(k8sServerFields.apply(live)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'shop',
        finalizers: ['example.com/keep'],
        ownerReferences: [{ kind: 'Rollout', name: 'web' }],
        annotations: { 'team.example.com/owner': 'shop' },
      },
      spec: {
        replicas: 2,
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-03-01T10:00:00Z' } },
        },
      },
    });
  });

  it('drops an annotations map left empty', () => {
    expect(
      k8sServerFields.apply({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' } } }),
    ).toEqual({ metadata: {} });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (spec, meta) => {
        const obj = { metadata: { uid: 'x', labels: meta }, spec, status: spec };
        const once = k8sServerFields.apply(obj);
        expect(k8sServerFields.apply(once)).toEqual(once);
      }),
    );
  });
});
