import { describe, expect, it } from 'vitest';
import { sensitive } from '../../../../lib/core/model/sensitive.ts';
import { kubernetesSecret } from '../../../../lib/mappings/kubernetes/index.ts';
import { changes, fixture, hasher, liveOf, setPath, stateOf } from './helpers.ts';

type Sealing = 'whole' | 'per-key' | 'none';

/** The state as the Terraform parser hands it over: `data` sealed through sensitive_attributes. */
function state(sealing: Sealing) {
  const res = stateOf(fixture('state-secret-api-db.json'));
  const data = res.attributes.data as Record<string, string>;
  if (sealing === 'whole') res.attributes.data = sensitive(hasher, data);
  if (sealing === 'per-key')
    res.attributes.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, sensitive(hasher, v)]));
  return res;
}

function drift(sealing: Sealing, mutate: (obj: Record<string, unknown>) => void = () => {}) {
  const obj = fixture('live-secret-api-db.json');
  mutate(obj);
  return changes(kubernetesSecret, state(sealing), liveOf(obj));
}

// "hunter2-rotated" base64-encoded, as the API returns it.
const ROTATED = Buffer.from('hunter2-rotated').toString('base64');

describe('kubernetes_secret(_v1)', () => {
  it('identifies the v1 Secret', () => {
    expect(kubernetesSecret.identities(state('whole'))).toEqual(['/Secret/shop/api-db']);
  });

  it.each<Sealing>(['whole', 'per-key', 'none'])(
    'finds nothing on a clean pair: decoded state values = base64 live values (%s)',
    (sealing) => {
      expect(drift(sealing)).toEqual([]);
    },
  );

  it('reports a rotated secret sealed whole as one sensitive change, never the value', () => {
    const out = drift('whole', (o) => setPath(o, 'data.password', ROTATED));
    expect(out).toEqual([
      {
        path: 'data',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
  });

  it('reports the key that changed when the state sealed values one by one', () => {
    const out = drift('per-key', (o) => setPath(o, 'data.password', ROTATED));
    expect(out).toEqual([
      {
        path: 'data.password',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
  });

  it('never prints secret values even when the state did not seal them', () => {
    const out = drift('none', (o) => setPath(o, 'data.password', ROTATED));
    expect(out).toEqual([
      {
        path: 'data.password',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
    const text = JSON.stringify(out);
    for (const plain of ['s3cr3t-Pa55', 'hunter2-rotated', ROTATED, 'czNjcjN0LVBhNTU=']) {
      expect(text).not.toContain(plain);
    }
  });

  it('does not compare the data the token controller fills in', () => {
    const out = drift('whole', (o) => {
      setPath(o, 'type', 'kubernetes.io/service-account-token');
      setPath(o, 'data.token', Buffer.from('eyJhbGciOi').toString('base64'));
    });
    expect(out).toEqual([{ path: 'type', desired: 'Opaque', actual: 'kubernetes.io/service-account-token' }]);
  });

  it('reports a Secret made immutable by hand', () => {
    expect(drift('whole', (o) => setPath(o, 'immutable', true))).toEqual([
      { path: 'immutable', desired: false, actual: true },
    ]);
  });
});
