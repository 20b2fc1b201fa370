import { describe, expect, it } from 'vitest';
import { kubernetesService } from '../../../../lib/mappings/kubernetes/index.ts';
import { changes, fixture, liveOf, setPath, stateOf } from './helpers.ts';

const state = () => stateOf(fixture('state-service-api.json'));

function drift(mutate: (obj: Record<string, unknown>) => void) {
  const obj = fixture('live-service-api.json');
  mutate(obj);
  return changes(kubernetesService, state(), liveOf(obj));
}

describe('kubernetes_service(_v1)', () => {
  it('identifies the v1 Service', () => {
    expect(kubernetesService.identities(state())).toEqual(['/Service/shop/api']);
    expect(kubernetesService.terraformTypes).toContain('kubernetes_service_v1');
  });

  it('finds nothing on a clean pair (target_port "8080" = 8080, node_port 0 = omitted)', () => {
    expect(drift(() => {})).toEqual([]);
  });

  it('reports a changed port', () => {
    expect(drift((o) => setPath(o, 'spec.ports.0.port', 8081))).toEqual([
      { path: 'spec.0.port.0.port', desired: 80, actual: 8081 },
    ]);
  });

  it('reports a changed target port and type', () => {
    expect(
      drift((o) => {
        setPath(o, 'spec.ports.0.targetPort', 9090);
        setPath(o, 'spec.type', 'NodePort');
      }),
    ).toEqual([
      { path: 'spec.0.port.0.target_port', desired: 8080, actual: 9090 },
      { path: 'spec.0.type', desired: 'ClusterIP', actual: 'NodePort' },
    ]);
  });

  it('reports a changed selector key by key', () => {
    expect(drift((o) => setPath(o, 'spec.selector.app', 'api-v2'))).toEqual([
      { path: 'spec.0.selector.app', desired: 'api', actual: 'api-v2' },
    ]);
  });
});
