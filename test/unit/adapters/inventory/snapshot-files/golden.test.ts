import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageEvidenceSchema } from '../../../../../lib/core/model/coverage.ts';
import { LiveResourceSchema } from '../../../../../lib/core/model/live-resource.ts';
import { fixtureCases, loadFixture } from './fixtures.ts';

// Golden files pin the full canonical output per real export format; UPDATE_GOLDEN=1 rewrites them.
describe('snapshot-files golden results', () => {
  for (const c of fixtureCases()) {
    it(`${c.name} matches results.golden.json`, () => {
      const snapshot = loadFixture(`${c.name}/${c.file}`);
      for (const r of snapshot.resources) LiveResourceSchema.parse(r);
      for (const e of snapshot.coverage) CoverageEvidenceSchema.parse(e);
      const text = `${JSON.stringify(snapshot, null, 2)}\n`;
      const golden = join(c.dir, 'results.golden.json');
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
