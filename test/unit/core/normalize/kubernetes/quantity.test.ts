import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  k8sQuantities,
  parseQuantity,
} from '../../../../../lib/core/normalize/kubernetes/quantity.ts';

const canon = (v: unknown) => {
  const q = parseQuantity(v);
  return q === null ? null : canonicalQuantity(q);
};

describe('parseQuantity / canonicalQuantity', () => {
  it.each([
    ['0.5', '500m'],
    ['500m', '500m'],
    [0.5, '500m'],
    ['1', '1'],
    [1, '1'],
    ['1000m', '1'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1073741824', '1Gi'],
    ['0.5Gi', '512Mi'],
    ['1.5Gi', '1536Mi'],
    ['1e3', '1k'],
    ['1k', '1k'],
    ['100M', '100M'],
    ['2.5', '2500m'],
    ['0', '0'],
    ['-1', '-1'],
  ])('%s → %s', (input, expected) => {
    expect(canon(input)).toBe(expected);
  });

  it.each(['abc', '', '1Xi', '1.2.3', 'Gi', '25%'])('%s is not a quantity', (input) => {
    expect(parseQuantity(input)).toBeNull();
  });

  it('rounds sub-nano precision up, as Kubernetes does', () => {
    expect(parseQuantity('0.0000000001')).toBe(1n);
  });
});

describe('k8sQuantities', () => {
  it('canonicalises resource maps and storage sizes, nothing else', () => {
    expect(
      k8sQuantities.apply({
        replicas: 1024,
        resources: { limits: { cpu: 0.5, memory: '1024Mi' }, requests: { cpu: '250m' } },
        volumeClaimTemplates: [{ spec: { resources: { requests: { storage: '10240Mi' } } } }],
        emptyDir: { sizeLimit: '1024Ki' },
      }),
    ).toEqual({
      replicas: 1024,
      resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '250m' } },
      volumeClaimTemplates: [{ spec: { resources: { requests: { storage: '10Gi' } } } }],
      emptyDir: { sizeLimit: '1Mi' },
    });
  });

  it('is idempotent and spelling-insensitive', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 4096 }).map((n) => `${n}Mi`),
      fc.integer({ min: 0, max: 64_000 }).map((n) => `${n}m`),
      fc.double({ min: 0, max: 64, noNaN: true }).map((n) => n.toFixed(3)),
      fc.integer({ min: 0, max: 2 ** 40 }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('cpu', 'memory', 'ephemeral-storage'), amount), (limits) => {
        const once = k8sQuantities.apply({ limits });
        expect(k8sQuantities.apply(once)).toEqual(once);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 20 }), (mi) => {
        const a = k8sQuantities.apply({ limits: { memory: `${mi}Mi` } });
        const b = k8sQuantities.apply({ limits: { memory: `${mi * 1024}Ki` } });
        const c = k8sQuantities.apply({ limits: { memory: String(mi * 1024 * 1024) } });
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
    );
  });
});
