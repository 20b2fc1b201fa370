import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Drift } from '../../../../lib/core/model/drift.ts';
import {
  type DriftRecord,
  DriftRecordSchema,
  HistoryEventSchema,
} from '../../../../lib/core/model/drift-record.ts';
import {
  applied,
  at,
  changed,
  facts,
  missing,
  OTHER_SCOPE,
  plan,
  report,
  SCOPE,
  scope,
  unmanaged,
} from './builders.ts';

const driftArb: fc.Arbitrary<Drift> = fc
  .record({
    kind: fc.constantFrom('changed', 'missing', 'unmanaged'),
    n: fc.integer({ min: 0, max: 4 }),
    value: fc.constantFrom('staging', 'dev', 3, true, null),
    inOther: fc.boolean(),
    severity: fc.constantFrom('low' as const, 'high' as const),
  })
  .map(({ kind, n, value, inOther, severity }) => {
    const s = { scope: inOther ? OTHER_SCOPE : SCOPE, severity };
    if (kind === 'missing') return missing({ ...s, address: `aws_instance.web[${n}]`, id: `i-0${n}` });
    if (kind === 'unmanaged') return unmanaged({ ...s, id: `arn:aws:sqs:eu-west-1:111122223333:q-${n}` });
    return changed({
      ...s,
      address: `aws_s3_bucket.b${n}`,
      changes: [{ path: 'tags.env', desired: 'prod', actual: value }],
    });
  });

const scanArb = fc.record({
  drifts: fc.array(driftArb, { maxLength: 8 }),
  complete: fc.tuple(fc.boolean(), fc.boolean()),
  declared: fc.boolean(),
  gapHours: fc.integer({ min: 1, max: 30 }),
});

type Scan = typeof scanArb extends fc.Arbitrary<infer S> ? S : never;

/** Records after a random history of scans (reopens, resolutions, changes, flapping). */
function history(scans: Scan[]) {
  let records: DriftRecord[] = [];
  let hours = 0;
  const steps = scans.map((s, i) => {
    hours += s.gapHours;
    const rep = report(s.drifts, [
      scope({ complete: s.complete[0] }),
      scope({ scope: OTHER_SCOPE, complete: s.complete[1] }),
    ]);
    const resolution = facts({
      declared: s.declared ? ['aws_instance.web[0]', 'aws_s3_bucket.b1'] : [],
      live: [],
    });
    return { report: rep, resolution, now: at(hours), scanId: `scan-${i}` };
  });
  const plans = steps.map((step) => {
    const p = plan({ ...step, previous: records });
    records = applied(records, p.writes);
    return p;
  });
  return { records, steps, plans };
}

describe('planScan idempotence (property)', () => {
  it('the same scan planned again over its own results writes nothing', () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 6 }), (scans) => {
        const { records, steps } = history(scans);
        const last = steps.at(-1);
        if (!last) return;
        const again = plan({ ...last, previous: records });
        expect(again.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a new scan of the same world writes nothing either', () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 6 }), (scans) => {
        const { records, steps } = history(scans);
        const last = steps.at(-1);
        if (!last) return;
        const rescan = plan({ ...last, previous: records, scanId: 'rescan', now: at(1000) });
        expect(rescan.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every write moves a record exactly one version on, is schema-valid, and event ids are unique', () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 6 }), (scans) => {
        const { plans } = history(scans);
        const ids = plans.flatMap((p) =>
          p.writes.flatMap((w) => w.events.map((e) => `${e.driftId} ${e.eventId}`)),
        );
        expect(new Set(ids).size).toBe(ids.length);
        for (const w of plans.flatMap((p) => p.writes)) {
          expect(w.record.version).toBe(w.expectedVersion + 1);
          // What the store receives is schema-valid and has no undefined keys (DynamoDB rejects them).
          expect(DriftRecordSchema.parse(w.record)).toEqual(w.record);
          for (const e of w.events) expect(HistoryEventSchema.parse(e)).toEqual(e);
          for (const o of [w.record, ...w.events]) {
            expect(Object.entries(o).filter(([, v]) => v === undefined)).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
