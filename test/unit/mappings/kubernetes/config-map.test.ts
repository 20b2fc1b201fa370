import { describe, expect, it } from 'vitest';
import { kubernetesConfigMap } from '../../../../lib/mappings/kubernetes/index.ts';
import { changes, fixture, liveOf, setPath, stateOf } from './helpers.ts';

const state = () => stateOf(fixture('state-configmap-api.json'));

function drift(mutate: (obj: Record<string, unknown>) => void) {
  const obj = fixture('live-configmap-api.json');
  mutate(obj);
  return changes(kubernetesConfigMap, state(), liveOf(obj));
}

describe('kubernetes_config_map(_v1)', () => {
  it('identifies the v1 ConfigMap', () => {
    expect(kubernetesConfigMap.identities(state())).toEqual(['/ConfigMap/shop/api-config']);
  });

  it('finds nothing on a clean pair', () => {
    expect(drift(() => {})).toEqual([]);
  });

  it('reports changed and added data keys', () => {
    expect(
      drift((o) => {
        setPath(o, 'data.LOG_FORMAT', 'text');
        setPath(o, 'data.EXTRA', '1');
      }),
    ).toEqual([
      { path: 'data.EXTRA', desired: null, actual: 1 },
      { path: 'data.LOG_FORMAT', desired: 'json', actual: 'text' },
    ]);
  });

  it('reports labels added to an object whose state has none', () => {
    expect(drift((o) => setPath(o, 'metadata.labels', { team: 'shop' }))).toEqual([
      { path: 'metadata.0.labels.team', desired: null, actual: 'shop' },
    ]);
  });
});
