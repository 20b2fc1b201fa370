import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StateParseError } from '../../../../lib/core/model/errors.ts';
import { parseTerraformState, readTerraformStateStream } from '../../../../state-parsers/terraform/index.ts';
import { chunked, testHasher } from './helpers.ts';

const opts = { source: 'x.tfstate', hasher: testHasher };
const enc = new TextEncoder();

function onlyStateParseError(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(StateParseError);
  }
}

async function onlyStateParseErrorAsync(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(StateParseError);
  }
}

// JSON shaped like a state at the top, with arbitrary values below, so the parsers get past the
// header checks and meet odd resources, instances, attributes and sensitive paths.
const stateLike = fc.record(
  {
    version: fc.oneof(fc.constantFrom(3, 4), fc.jsonValue()),
    resources: fc.oneof(
      fc.array(
        fc.record(
          {
            module: fc.oneof(fc.string(), fc.jsonValue()),
            mode: fc.oneof(fc.constantFrom('managed', 'data'), fc.jsonValue()),
            type: fc.oneof(fc.constantFrom('aws_vpc', 'azurerm_subnet'), fc.jsonValue()),
            name: fc.oneof(fc.string(), fc.jsonValue()),
            instances: fc.oneof(
              fc.array(
                fc.record(
                  {
                    index_key: fc.oneof(fc.integer(), fc.string(), fc.jsonValue()),
                    attributes: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
                    attributes_flat: fc.dictionary(fc.string(), fc.string()),
                    sensitive_attributes: fc.jsonValue(),
                    deposed: fc.jsonValue(),
                    status: fc.constantFrom('tainted', ''),
                  },
                  { requiredKeys: [] },
                ),
              ),
              fc.jsonValue(),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      fc.jsonValue(),
    ),
    modules: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('terraform state parsers never throw anything but StateParseError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => onlyStateParseError(() => parseTerraformState(s, opts))));
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) =>
        onlyStateParseError(() => parseTerraformState(JSON.stringify(v), opts)),
      ),
    );
  });

  it('on state-shaped JSON', () => {
    fc.assert(
      fc.property(stateLike, (v) =>
        onlyStateParseError(() => parseTerraformState(JSON.stringify(v, null, 2), opts)),
      ),
      { numRuns: 300 },
    );
  });

  it('streaming: arbitrary text and state-shaped JSON, any chunking, same outcome as in memory', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          stateLike.map((v) => JSON.stringify(v, null, 2)),
        ),
        fc.integer({ min: 1, max: 64 }),
        async (text, size) => {
          await onlyStateParseErrorAsync(() =>
            readTerraformStateStream(chunked(enc.encode(text), size), opts),
          );
          let expected: unknown;
          try {
            expected = parseTerraformState(text, opts);
          } catch {
            return; // error wording may differ between the two readers; both are StateParseError
          }
          expect(await readTerraformStateStream(chunked(enc.encode(text), size), opts)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('streaming regressions found by the property test', () => {
  it('a format-3 state with a non-list top-level "resources" streams like it parses in memory', async () => {
    const text = '{\n  "version": 3,\n  "resources": 0\n}';
    const opts = { source: 'x.tfstate', hasher: (s: string) => `h:${s.length}` };
    const chunks = async function* () {
      yield new TextEncoder().encode(text);
    };
    const inMemory = (() => {
      try {
        return parseTerraformState(text, opts).resources;
      } catch (e) {
        return (e as Error).message;
      }
    })();
    const streamed = await readTerraformStateStream(chunks(), opts).then(
      (d) => d.resources,
      (e: Error) => e.message,
    );
    expect(streamed).toEqual(inMemory);
  });
});
