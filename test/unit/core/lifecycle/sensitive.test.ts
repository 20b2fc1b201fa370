import { describe, expect, it } from 'vitest';
import type { AttributeChange } from '../../../../lib/core/model/drift.ts';
import { applied, at, changed, fingerprint, plan, report } from './builders.ts';

const secret = (digest: string): AttributeChange => ({
  path: 'master_password',
  desired: '(sensitive)',
  actual: '(sensitive)',
  sensitive: true,
  digest,
});
const db = (digest: string) =>
  changed({
    type: 'aws_db_instance',
    address: 'module.db.aws_db_instance.main',
    id: 'arn:aws:rds:eu-west-1:111122223333:db:shop-main',
    category: 'security',
    severity: 'high',
    changes: [secret(digest)],
  });

describe('sensitive changes', () => {
  it('fingerprint by digest: the same secret drift is equal, a new secret value is not', () => {
    expect(fingerprint(db('hmac:aa|hmac:bb'))).toBe(fingerprint(db('hmac:aa|hmac:bb')));
    expect(fingerprint(db('hmac:aa|hmac:bb'))).not.toBe(fingerprint(db('hmac:aa|hmac:cc')));
  });

  it('an unchanged secret drift writes nothing; a changed secret value is a change, still redacted', () => {
    const first = plan({ report: report([db('hmac:aa|hmac:bb')]) });
    const prev = applied([], first.writes);
    expect(
      plan({ report: report([db('hmac:aa|hmac:bb')]), previous: prev, scanId: 's2', now: at(1) }).writes,
    ).toEqual([]);
    const next = plan({ report: report([db('hmac:aa|hmac:cc')]), previous: prev, scanId: 's3', now: at(2) });
    expect(next.counts.changed).toBe(1);
    expect(next.writes[0]?.record.changes).toEqual([secret('hmac:aa|hmac:cc')]);
    const stored = JSON.stringify(next.writes);
    expect(stored).not.toMatch(/"(desired|actual)":"(?!\(sensitive\)")/);
  });
});
