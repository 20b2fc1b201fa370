import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSystemKey,
  k8sWithoutSystemKeys,
  liveMapFor,
} from '../../../../../lib/core/normalize/kubernetes/system-keys.ts';

describe('system-owned label/annotation keys', () => {
  it.each([
    ['kubernetes.io/metadata.name', true],
    ['deployment.kubernetes.io/revision', true],
    ['kubectl.kubernetes.io/last-applied-configuration', true],
    ['pv.kubernetes.io/bind-completed', true],
    ['pod-template-hash', true],
    ['kubectl.kubernetes.io/restartedAt', false],
    ['pod-security.kubernetes.io/enforce', false],
    ['app.kubernetes.io/name', false],
    ['team', false],
  ])('%s → %s', (key, expected) => {
    expect(isSystemKey(key)).toBe(expected);
  });

  it('keeps system keys the desired map sets itself', () => {
    expect(
      liveMapFor({ 'kubernetes.io/metadata.name': 'x' }, { 'kubernetes.io/metadata.name': 'x', team: 'a' }),
    ).toEqual({ 'kubernetes.io/metadata.name': 'x', team: 'a' });
    expect(liveMapFor(null, { 'kubernetes.io/metadata.name': 'x', team: 'a' })).toEqual({ team: 'a' });
  });

  it('k8sWithoutSystemKeys is idempotent', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('kubernetes.io/metadata.name', 'pod-template-hash'));
    fc.assert(
      fc.property(fc.dictionary(key, fc.string()), (labels) => {
        const once = k8sWithoutSystemKeys.apply(labels);
        expect(k8sWithoutSystemKeys.apply(once)).toEqual(once);
      }),
    );
  });
});
