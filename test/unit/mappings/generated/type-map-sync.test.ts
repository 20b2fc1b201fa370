import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TSV, generateTypeMap, OUTPUT_DIR } from '../../../../scripts/generate-type-map.ts';

// The shared TSV lives beside the repository only in the workspace that generated the file; a
// user's clone has no ../shared, and then the committed files are the source of truth.
const hasShared = existsSync(DEFAULT_TSV);
const skipped = hasShared ? '' : ' (skipped: no ../shared/data/type-map.tsv in this clone)';

describe('lib/mappings/generated/type-map*.ts', () => {
  it.skipIf(!hasShared)(`are in sync with ../shared/data/type-map.tsv${skipped}`, () => {
    const expected = generateTypeMap(readFileSync(DEFAULT_TSV, 'utf8'), DEFAULT_TSV);
    const onDisk = readdirSync(OUTPUT_DIR).filter(
      (f) => /^type-map(-[a-z]+)?\.ts$/.test(f) && f !== 'type-map-row.ts',
    );
    expect(onDisk.sort(), 'run `npm run gen:type-map`').toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) {
      // Line counts first so a stale file fails with a readable message, not a 170 kB diff.
      const actual = readFileSync(path.join(OUTPUT_DIR, name), 'utf8');
      expect([name, actual.split('\n').length], 'run `npm run gen:type-map`').toEqual([
        name,
        text.split('\n').length,
      ]);
      expect([name, actual === text], 'run `npm run gen:type-map`').toEqual([name, true]);
    }
  });
});
