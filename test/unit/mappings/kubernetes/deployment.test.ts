import { describe, expect, it } from 'vitest';
import { kubernetesDeployment } from '../../../../lib/mappings/kubernetes/index.ts';
import { changes, fixture, liveOf, setPath, stateOf } from './helpers.ts';

const state = () => stateOf(fixture('state-deployment-api.json'));
const live = () => fixture('live-deployment-api.json');

function drift(mutate: (obj: Record<string, unknown>) => void) {
  const obj = live();
  mutate(obj);
  return changes(kubernetesDeployment, state(), liveOf(obj));
}

describe('kubernetes_deployment(_v1)', () => {
  it('serves both type names and the apps/v1 Deployment', () => {
    expect(kubernetesDeployment.terraformTypes).toEqual([
      'kubernetes_deployment',
      'kubernetes_deployment_v1',
    ]);
    expect(kubernetesDeployment.nativeTypes).toEqual(['apps/v1/Deployment']);
  });

  it('identifies the object by group/kind/namespace/name', () => {
    expect(kubernetesDeployment.identities(state())).toEqual(['apps/Deployment/shop/api']);
  });

  it('uses the default namespace when the state has none', () => {
    const res = state();
    setPath(res.attributes, 'metadata.0.namespace', '');
    expect(kubernetesDeployment.identities(res)).toEqual(['apps/Deployment/default/api']);
  });

  it('finds nothing on a clean pair despite status, managedFields, defaults and the revision annotation', () => {
    expect(drift(() => {})).toEqual([]);
  });

  it('reports a scaled deployment at the Terraform path (replicas is a string in state)', () => {
    expect(drift((o) => setPath(o, 'spec.replicas', 5))).toEqual([
      { path: 'spec.0.replicas', desired: 3, actual: 5 },
    ]);
  });

  it('reports a changed image', () => {
    expect(
      drift((o) => setPath(o, 'spec.template.spec.containers.0.image', 'ghcr.io/acme/shop-api:2.8.0')),
    ).toEqual([
      {
        path: 'spec.0.template.0.spec.0.container.0.image',
        desired: 'ghcr.io/acme/shop-api:2.7.1',
        actual: 'ghcr.io/acme/shop-api:2.8.0',
      },
    ]);
  });

  it('reports a label added by hand, but not Kubernetes-owned keys', () => {
    expect(
      drift((o) => {
        setPath(o, 'metadata.labels.owner', 'bob');
        setPath(o, ['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration'], '{}');
      }),
    ).toEqual([{ path: 'metadata.0.labels.owner', desired: null, actual: 'bob' }]);
  });

  it('reports a changed cpu limit but not a respelled memory quantity (0.5Gi = 512Mi)', () => {
    expect(
      drift((o) => {
        setPath(o, 'spec.template.spec.containers.0.resources.limits.cpu', '1');
        setPath(o, 'spec.template.spec.containers.0.resources.limits.memory', '0.5Gi');
      }),
    ).toEqual([
      { path: 'spec.0.template.0.spec.0.container.0.resources.0.limits.cpu', desired: '500m', actual: '1' },
    ]);
  });

  it('treats an omitted false as false, and a live true as drift', () => {
    expect(drift((o) => setPath(o, 'spec.template.spec.hostNetwork', true))).toEqual([
      { path: 'spec.0.template.0.spec.0.host_network', desired: false, actual: true },
    ]);
  });

  it('compares file modes as the octal strings the provider stores', () => {
    expect(drift((o) => setPath(o, 'spec.template.spec.volumes.0.configMap.defaultMode', 384))).toEqual([
      {
        path: 'spec.0.template.0.spec.0.volume.0.config_map.0.default_mode',
        desired: '0644',
        actual: '0600',
      },
    ]);
  });

  it('matches containers by name, and reports a sidecar added by hand as the one change', () => {
    const out = drift((o) => {
      const containers = (o as { spec: { template: { spec: { containers: unknown[] } } } }).spec.template.spec
        .containers;
      containers.unshift({ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' });
    });
    expect(out).toEqual([
      { path: 'spec.0.template.0.spec.0.container', desired: ['api'], actual: ['api', 'proxy'] },
    ]);
  });

  it('reports an env var added by hand, and one removed', () => {
    const env = (o: Record<string, unknown>) =>
      (o as { spec: { template: { spec: { containers: { env: unknown[] }[] } } } }).spec.template.spec
        .containers[0]!.env;
    expect(drift((o) => env(o).push({ name: 'DEBUG', value: '1' }))).toEqual([
      {
        path: 'spec.0.template.0.spec.0.container.0.env',
        desired: ['LOG_LEVEL', 'DB_HOST'],
        actual: ['LOG_LEVEL', 'DB_HOST', 'DEBUG'],
      },
    ]);
    const removed = drift((o) => env(o).pop());
    expect(removed.map((c) => c.path)).toEqual(['spec.0.template.0.spec.0.container.0.env']);
    expect(removed[0]!.actual).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
  });

  it('reports an env value changed in place', () => {
    expect(drift((o) => setPath(o, 'spec.template.spec.containers.0.env.0.value', 'debug'))).toEqual([
      { path: 'spec.0.template.0.spec.0.container.0.env.0.value', desired: 'info', actual: 'debug' },
    ]);
  });

  it('never prints the value of an env var named like a secret', () => {
    const res = state();
    const spec = res.attributes.spec as { template: { spec: { container: { env: unknown[] }[] }[] }[] }[];
    spec[0]!.template[0]!.spec[0]!.container[0]!.env.push({
      name: 'DB_PASSWORD',
      value: 'hunter2',
      value_from: [],
    });
    const obj = live();
    const env = (obj as { spec: { template: { spec: { containers: { env: unknown[] }[] } } } }).spec.template
      .spec.containers[0]!.env;
    env.push({ name: 'DB_PASSWORD', value: 'hunter2' });
    expect(changes(kubernetesDeployment, res, liveOf(obj))).toEqual([]);
    env[2] = { name: 'DB_PASSWORD', value: 'rotated-pw' };
    const out = changes(kubernetesDeployment, res, liveOf(obj));
    expect(out).toEqual([
      {
        path: 'spec.0.template.0.spec.0.container.0.env.2.value',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/hunter2|rotated-pw/);
  });

  it('compares nothing when the export carries no object', () => {
    const l = liveOf(live());
    expect(changes(kubernetesDeployment, state(), { ...l, attributes: null })).toEqual([]);
  });
});
