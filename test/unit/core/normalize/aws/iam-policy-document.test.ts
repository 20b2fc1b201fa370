import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iamPolicyDocument } from '../../../../../lib/core/normalize/aws/iam-policy-document.ts';

const n = (v: unknown) => iamPolicyDocument.apply(v);

const base = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Read',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-abc'] } },
    },
  ],
};

describe('iam-policy-document', () => {
  it('URL-encoded (as AWS Config stores it), pretty-printed and compact forms are equal', () => {
    const compact = JSON.stringify(base);
    expect(n(encodeURIComponent(compact))).toBe(n(JSON.stringify(base, null, 2)));
    expect(n(base)).toBe(n(compact));
  });

  it('form-encoded spaces (+) decode to spaces', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'A B', Effect: 'Allow', Action: 'x:Y', Resource: '*' }],
    };
    const form = encodeURIComponent(JSON.stringify(doc)).replace(/%20/g, '+');
    expect(n(form)).toBe(n(doc));
  });

  it('Statement object vs array, string vs list, Sid "" vs none, key case', () => {
    const a = {
      version: '2012-10-17',
      statement: {
        sid: '',
        effect: 'Allow',
        principal: { AWS: '111122223333' },
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/*',
        condition: { Bool: { 'aws:SecureTransport': true } },
      },
    };
    const b = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
          Action: ['s3:GetObject'],
          Resource: ['arn:aws:s3:::b/*'],
          Condition: { Bool: { 'aws:SecureTransport': ['true'] } },
        },
      ],
    };
    expect(n(a)).toBe(n(b));
  });

  it('Principal "*" is not {"AWS":"*"}, but {"AWS":"x"} is {"AWS":["x"]}', () => {
    const p = (principal: unknown) =>
      n({ Statement: [{ Effect: 'Allow', Principal: principal, Action: 'a:b' }] });
    expect(p('*')).not.toBe(p({ AWS: '*' }));
    expect(p({ AWS: 'arn:aws:iam::1:role/r' })).toBe(p({ AWS: ['arn:aws:iam::1:role/r'] }));
  });

  it('different actions, effects or resources stay different', () => {
    const changed = structuredClone(base);
    changed.Statement[0]!.Action = ['s3:*'];
    expect(n(changed)).not.toBe(n(base));
  });

  it('non-JSON text stays as is; empty is null', () => {
    expect(n('not a policy')).toBe('not a policy');
    expect(n('')).toBeNull();
    expect(n(null)).toBeNull();
  });

  const statement = fc.record({
    Sid: fc.option(fc.string(), { nil: undefined }),
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.array(fc.constantFrom('s3:GetObject', 's3:PutObject', 'kms:Decrypt', 'sqs:*'), {
      minLength: 1,
    }),
    Resource: fc.array(fc.constantFrom('*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/*'), { minLength: 1 }),
  });
  const policy = fc.record({
    Version: fc.constant('2012-10-17'),
    Statement: fc.array(statement, { minLength: 1 }),
  });

  it('property: idempotent', () => {
    fc.assert(fc.property(policy, (p) => n(n(p)) === n(p)));
  });

  it('property: statement, action and resource order do not matter', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const shuffled = {
          ...p,
          Statement: [...p.Statement].reverse().map((s) => ({
            ...s,
            Action: [...s.Action].reverse(),
            Resource: [...s.Resource].reverse(),
          })),
        };
        return n(shuffled) === n(p) && n(encodeURIComponent(JSON.stringify(shuffled))) === n(p);
      }),
    );
  });

  it('property: never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue()), (v) => {
        n(v);
      }),
    );
  });
});
