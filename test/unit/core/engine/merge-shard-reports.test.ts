import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeShardReports, type ShardOutcome } from '../../../../lib/core/engine/merge-shard-reports.ts';
import type { Drift } from '../../../../lib/core/model/drift.ts';
import type { DriftReport, ScopeReport } from '../../../../lib/core/model/report.ts';

const drift = (kind: Drift['kind'], address: string | null, id: string, scope: string): Drift => ({
  kind,
  provider: 'aws',
  type: kind === 'unmanaged' ? 'AWS::S3::Bucket' : 'aws_s3_bucket',
  address,
  id,
  severity: kind === 'missing' ? 'high' : 'medium',
  category: kind === 'missing' ? 'Missing' : 'ConfigurationChange',
  changes: kind === 'changed' ? [{ path: 'tags.env', desired: 'prod', actual: 'dev' }] : [],
  scope,
});

const scope = (s: string, complete = true): ScopeReport => ({
  provider: 'aws',
  scope: s,
  complete,
  nativeTypes: ['AWS::S3::Bucket'],
});

function report(parts: Partial<DriftReport> & { managed?: number }): DriftReport {
  return {
    version: 1,
    summary: {
      managed: parts.managed ?? 0,
      unmanaged: 0,
      missing: 0,
      changed: 0,
      coverage: 1,
      complete: true,
    },
    drifts: parts.drifts ?? [],
    scopes: parts.scopes ?? [],
    notChecked: parts.notChecked ?? [],
    existenceOnly: parts.existenceOnly ?? [],
    ignored: parts.ignored ?? 0,
    generatedAt: parts.generatedAt ?? '2026-01-01T00:00:00.000Z',
  };
}

const nc = (address: string, reason: string) => ({ address, type: 'aws_s3_bucket', id: null, reason });
const A = 'aws:111111111111:eu-west-1';
const B = 'aws:111111111111:us-east-1';

describe('mergeShardReports', () => {
  it('keeps notChecked only for addresses no shard checked, unions scopes and recounts', () => {
    const a = report({
      managed: 2,
      drifts: [drift('changed', 'aws_s3_bucket.a', 'arn:a', A)],
      scopes: [scope(A)],
      notChecked: [
        nc('aws_s3_bucket.b', `no inventory covers scope ${B}`),
        nc('aws_s3_bucket.z', 'no mapping'),
      ],
      existenceOnly: ['aws_x'],
      ignored: 1,
    });
    const b = report({
      managed: 1,
      drifts: [drift('unmanaged', null, 'arn:u', B)],
      scopes: [scope(B)],
      notChecked: [
        nc('aws_s3_bucket.a', `no inventory covers scope ${A}`),
        nc('aws_s3_bucket.z', 'no mapping'),
      ],
      existenceOnly: ['aws_y'],
      ignored: 2,
      generatedAt: '2026-01-01T00:00:05.000Z',
    });
    const merged = mergeShardReports([
      { shardId: 't--b', report: b },
      { shardId: 't--a', report: a },
    ]);
    expect(merged.notChecked).toEqual([nc('aws_s3_bucket.z', 'no mapping')]);
    expect(merged.scopes.map((s) => [s.scope, s.complete])).toEqual([
      [A, true],
      [B, true],
    ]);
    expect(merged.summary).toEqual({
      managed: 3,
      unmanaged: 1,
      missing: 0,
      changed: 1,
      coverage: 0.75,
      complete: false,
    });
    expect(merged.existenceOnly).toEqual(['aws_x', 'aws_y']);
    expect(merged.ignored).toBe(3);
    expect(merged.generatedAt).toBe('2026-01-01T00:00:05.000Z');
  });

  it("adds a failed shard's scope as incomplete with its error, and never invents missing there", () => {
    const a = report({ managed: 1, scopes: [scope(A)], notChecked: [nc('aws_s3_bucket.b', 'no inventory')] });
    const merged = mergeShardReports([
      { shardId: 't--a', report: a },
      { shardId: 't--b', failed: { provider: 'aws', scope: B, error: 'AccessDenied: not authorized' } },
    ]);
    expect(merged.scopes).toEqual([
      scope(A),
      { provider: 'aws', scope: B, complete: false, reason: 'AccessDenied: not authorized', nativeTypes: [] },
    ]);
    expect(merged.summary.missing).toBe(0);
    expect(merged.summary.complete).toBe(false);
    expect(merged.notChecked).toEqual([nc('aws_s3_bucket.b', 'no inventory')]);
  });

  it('de-duplicates one drift reported by two shards', () => {
    const d = drift('changed', 'aws_s3_bucket.a', 'arn:a', A);
    const merged = mergeShardReports([
      { shardId: 's1', report: report({ drifts: [d], scopes: [scope(A)] }) },
      { shardId: 's2', report: report({ drifts: [d], scopes: [scope(A)] }) },
    ]);
    expect(merged.drifts).toEqual([d]);
  });

  const addresses = ['aws_s3_bucket.a', 'aws_s3_bucket.b', 'aws_s3_bucket.c'];
  const scopes = [A, B, 'aws:222222222222:eu-west-1'];
  const arbDrift = fc
    .tuple(fc.constantFrom<Drift['kind']>('changed', 'missing', 'unmanaged'), fc.nat(2), fc.nat(2))
    .map(([k, i, s]) => drift(k, k === 'unmanaged' ? null : addresses[i]!, `arn:${i}`, scopes[s]!));
  const arbReport = fc
    .record({
      managed: fc.nat(5),
      drifts: fc.array(arbDrift, { maxLength: 4 }),
      scopes: fc.array(
        fc.tuple(fc.nat(2), fc.boolean()).map(([s, c]) => scope(scopes[s]!, c)),
        { maxLength: 3 },
      ),
      notChecked: fc
        .uniqueArray(fc.constantFrom(...addresses), { maxLength: 3 })
        .map((a) => a.map((x) => nc(x, 'r'))),
      ignored: fc.nat(3),
      generatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
    })
    .map(report);
  const arbOutcome: fc.Arbitrary<ShardOutcome> = fc.oneof(
    fc.tuple(fc.nat(4), arbReport).map(([i, r]) => ({ shardId: `s${i}`, report: r })),
    fc.tuple(fc.nat(4), fc.nat(2)).map(([i, s]) => ({
      shardId: `f${i}`,
      failed: { provider: 'aws' as const, scope: scopes[s]!, error: 'boom' },
    })),
  );

  it('is order-insensitive (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(arbOutcome, { maxLength: 6 })
          .chain((xs) =>
            fc.tuple(
              fc.constant(xs),
              fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
            ),
          ),
        ([xs, shuffled]) => {
          expect(mergeShardReports(shuffled)).toEqual(mergeShardReports(xs));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is idempotent on duplicated shard outcomes (property)', () => {
    fc.assert(
      fc.property(fc.array(arbOutcome, { minLength: 1, maxLength: 5 }), fc.nat(4), (xs, n) => {
        const dup = [...xs, ...xs.slice(0, n + 1)];
        expect(mergeShardReports(dup)).toEqual(mergeShardReports(xs));
      }),
      { numRuns: 200 },
    );
  });
});
