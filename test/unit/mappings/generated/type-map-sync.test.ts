import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TSV, generateTypeMap, OUTPUT_FILE } from '../../../../scripts/generate-type-map.ts';

// The shared TSV lives beside the repository only in the workspace that generated the file; a
// user's clone has no ../shared, and then the committed file is the source of truth.
const hasShared = existsSync(DEFAULT_TSV);

describe('lib/mappings/generated/type-map.ts', () => {
  it.skipIf(!hasShared)(
    `is in sync with ../shared/data/type-map.tsv${hasShared ? '' : ' (skipped: no ../shared/data/type-map.tsv in this clone)'}`,
    () => {
      const expected = generateTypeMap(readFileSync(DEFAULT_TSV, 'utf8'), DEFAULT_TSV);
      // Compare line counts first so a stale file fails with a readable message, not a 370 kB diff.
      const actual = readFileSync(OUTPUT_FILE, 'utf8');
      expect(actual.split('\n').length, 'run `npm run gen:type-map`').toBe(expected.split('\n').length);
      expect(actual === expected, 'run `npm run gen:type-map`').toBe(true);
    },
  );
});
