import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRule, diffValues } from '../../../../lib/core/diff/compare.ts';
import { liveAt, liveUnder } from '../../../../lib/core/mapping/accessors.ts';
import { ABSENT } from '../../../../lib/core/model/live-resource.ts';
import { liveRes, stateRes, testHasher } from '../../../helpers/builders.ts';

const ctx = { hasher: testHasher };

describe('diffValues', () => {
  it('reports leaf paths with list indices as numbers', () => {
    expect(diffValues('ingress', [{ from_port: 80 }], [{ from_port: 8080 }], 'value')).toEqual([
      { path: 'ingress.0.from_port', desired: 80, actual: 8080 },
    ]);
  });

  it('subset mode compares only what desired sets', () => {
    expect(
      diffValues(
        '',
        { spec: { replicas: 2 } },
        { spec: { replicas: 2, paused: false }, status: {} },
        'subset',
      ),
    ).toEqual([]);
    expect(diffValues('', { spec: { replicas: 2 } }, { spec: { replicas: 4 } }, 'subset')).toEqual([
      { path: 'spec.replicas', desired: 2, actual: 4 },
    ]);
  });

  it('set mode ignores order', () => {
    expect(diffValues('cidr', ['b', 'a'], ['a', 'b'], 'set')).toEqual([]);
    expect(diffValues('cidr', ['a'], ['a', '0.0.0.0/0'], 'set')).toEqual([
      { path: 'cidr', desired: ['a'], actual: ['0.0.0.0/0', 'a'] },
    ]);
  });

  it('never reports a value equal to itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('value', 'map', 'set', 'subset' as const), (v, mode) => {
        expect(diffValues('p', v, structuredClone(v), mode)).toEqual([]);
      }),
    );
  });
});

describe('compareRule', () => {
  it('does not compare what the export does not carry', () => {
    const res = stateRes({ type: 't', name: 'n', attributes: { x: 'a' } });
    expect(
      compareRule({ path: 'x', actual: () => ABSENT }, res, liveRes({ nativeType: 'T', id: 'i' }), ctx),
    ).toEqual([]);
    const noProps = liveRes({ nativeType: 'T', id: 'i', attributes: { properties: null } });
    expect(compareRule({ path: 'x', actual: liveUnder('properties', 'x') }, res, noProps, ctx)).toEqual([]);
    const nullConfig = liveRes({ nativeType: 'T', id: 'i', attributes: null });
    expect(compareRule({ path: 'x', actual: liveAt('x') }, res, nullConfig, ctx)).toEqual([]);
  });

  it('treats an unset desired value as not declared', () => {
    const res = stateRes({ type: 't', name: 'n', attributes: { x: '' } });
    expect(
      compareRule(
        { path: 'x', actual: liveAt('x') },
        res,
        liveRes({ nativeType: 'T', id: 'i', attributes: { x: 'computed' } }),
        ctx,
      ),
    ).toEqual([]);
  });

  it('redacts values under secret-looking names even when the state did not mark them', () => {
    const res = stateRes({ type: 't', name: 'n', attributes: { db_password: 'a-long-plain-password' } });
    const live = liveRes({ nativeType: 'T', id: 'i', attributes: { pw: 'another-long-password' } });
    expect(compareRule({ path: 'db_password', actual: liveAt('pw') }, res, live, ctx)).toEqual([
      { path: 'db_password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true },
    ]);
  });
});
