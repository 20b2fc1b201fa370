import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignNamedLists, fillOmittedZeros } from '../../../../../lib/core/normalize/kubernetes/align.ts';

describe('alignNamedLists', () => {
  it('puts live items in the desired order by name, extras last', () => {
    const desired = {
      containers: [
        { name: 'app', image: 'a:1' },
        { name: 'log', image: 'l:1' },
      ],
    };
    const live = {
      containers: [
        { name: 'proxy', image: 'p:1' },
        { name: 'log', image: 'l:1' },
        { name: 'app', image: 'a:2' },
      ],
    };
    expect(alignNamedLists(desired, live)).toEqual({
      containers: [
        { name: 'app', image: 'a:2' },
        { name: 'log', image: 'l:1' },
        { name: 'proxy', image: 'p:1' },
      ],
    });
  });

  it('leaves unnamed lists in live order', () => {
    expect(alignNamedLists({ args: ['a', 'b'] }, { args: ['b', 'a'] })).toEqual({ args: ['b', 'a'] });
  });

  it('is order-insensitive on the live side for named items', () => {
    const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(names, fc.infiniteStream(fc.nat()), (ns, seeds) => {
        const desired = ns.map((name) => ({ name }));
        const shuffled = [...desired].sort(() => (seeds.next().value % 3) - 1);
        expect(alignNamedLists(desired, shuffled)).toEqual(desired);
      }),
    );
  });
});

describe('fillOmittedZeros', () => {
  it('fills zero values Kubernetes omits, never changing a live value', () => {
    const desired = [
      { paused: false, min_ready_seconds: 0, replicas: '3', security_context: [{ privileged: false }] },
    ];
    const live = [{ replicas: 5 }];
    expect(fillOmittedZeros(desired, live)).toEqual([
      { paused: false, min_ready_seconds: 0, replicas: 5, security_context: [{ privileged: false }] },
    ]);
    expect(fillOmittedZeros({ host_network: false }, { host_network: true })).toEqual({ host_network: true });
  });
});
