import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterChanges, isIgnored, parseIgnoreFile } from '../../../../lib/core/ignore/index.ts';
import { UsageError } from '../../../../lib/core/model/errors.ts';

const ruleChars = fc.constantFrom(...'ab.*!\\[]#:/ _-\t\r\n0'.split(''));
const ruleText = fc.oneof(fc.string(), fc.string({ unit: ruleChars }), fc.string({ unit: 'grapheme' }));

describe('ignore rules: properties', () => {
  it('parseIgnoreFile never throws anything but UsageError', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        try {
          parseIgnoreFile(text, 'p');
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('parsing is deterministic and matching never throws', () => {
    const drift = fc.record({
      type: fc.string({ unit: ruleChars }),
      id: fc.string({ unit: ruleChars }),
      address: fc.option(fc.string({ unit: ruleChars }), { nil: null }),
    });
    fc.assert(
      fc.property(
        ruleText,
        drift,
        fc.array(fc.string({ unit: ruleChars }), { maxLength: 4 }),
        (text, d, paths) => {
          let a: ReturnType<typeof parseIgnoreFile>;
          try {
            a = parseIgnoreFile(text, 'p');
          } catch (e) {
            expect(e).toBeInstanceOf(UsageError);
            expect(() => parseIgnoreFile(text, 'p')).toThrowError((e as Error).message);
            return;
          }
          const b = parseIgnoreFile(text, 'p');
          expect(b.rules.map((r) => [r.line, r.text, r.negate, r.segments])).toEqual(
            a.rules.map((r) => [r.line, r.text, r.negate, r.segments]),
          );
          expect(isIgnored(a, d)).toBe(isIgnored(b, d));
          const changes = paths.map((path) => ({ path }));
          const kept = filterChanges(a, d, changes);
          expect(kept.every((c) => changes.includes(c))).toBe(true);
          if (isIgnored(a, d)) expect(kept).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('an escaped literal id always matches itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab.*-:/[]'.split('')), minLength: 1 }), (id) => {
        const escaped = id.replace(/[\\.*[\]!#]/g, '\\$&');
        const rules = parseIgnoreFile(`aws_s3_bucket.${escaped}`, 'p');
        expect(isIgnored(rules, { type: 'aws_s3_bucket', id, address: null })).toBe(true);
      }),
    );
  });
});
