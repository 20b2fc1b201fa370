import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driftId, driftIdentity, parseDriftId } from '../../../../lib/core/lifecycle/drift-id.ts';
import { changed, missing, TARGET, unmanaged } from './builders.ts';

describe('driftIdentity', () => {
  it('is the address for changed and missing, the live id for unmanaged', () => {
    expect(driftIdentity(changed())).toBe('module.storage.aws_s3_bucket.logs');
    expect(driftIdentity(missing())).toBe('module.app.aws_instance.web[0]');
    expect(driftIdentity(unmanaged())).toBe(
      'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0f1e2d3c4b5a69788',
    );
  });
});

describe('driftId', () => {
  it('is base64url of target|kind|identity', () => {
    const id = driftId(TARGET, changed());
    expect(id).toBe(Buffer.from('prod-shop|changed|module.storage.aws_s3_bucket.logs').toString('base64url'));
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseDriftId(id)).toEqual({
      target: 'prod-shop',
      kind: 'changed',
      identity: 'module.storage.aws_s3_bucket.logs',
    });
  });

  it('differs by kind for the same address', () => {
    expect(driftId(TARGET, changed({ address: 'a.b' }))).not.toBe(
      driftId(TARGET, missing({ address: 'a.b' })),
    );
  });

  it('rejects text that is not a drift id', () => {
    expect(parseDriftId('not/base64')).toBeUndefined();
    expect(parseDriftId(Buffer.from('x|bogus|y').toString('base64url'))).toBeUndefined();
    expect(parseDriftId(Buffer.from('no-separators').toString('base64url'))).toBeUndefined();
  });

  it('round-trips and never collides, whatever the target and identity hold (| and % included)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '|', '%', '7', 'C', 'é', '🙂', '/') });
    const kind = fc.constantFrom('changed' as const, 'missing' as const, 'unmanaged' as const);
    fc.assert(
      fc.property(fc.tuple(text, kind, text), fc.tuple(text, kind, text), ([t1, k1, i1], [t2, k2, i2]) => {
        const d1 = { kind: k1, address: k1 === 'unmanaged' ? null : i1, id: i1 };
        const d2 = { kind: k2, address: k2 === 'unmanaged' ? null : i2, id: i2 };
        const a = driftId(t1, d1);
        expect(a).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(parseDriftId(a)).toEqual({ target: t1, kind: k1, identity: i1 });
        const same = t1 === t2 && k1 === k2 && i1 === i2;
        expect(a === driftId(t2, d2)).toBe(same);
      }),
      { numRuns: 500 },
    );
  });
});
