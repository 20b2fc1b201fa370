import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateParseError } from '../../../../lib/core/model/errors.ts';
import { parseTerraformState } from '../../../../state-parsers/terraform/index.ts';
import { FIXTURES, fixtureCases, testHasher } from './helpers.ts';

// driftctl-style golden files: each fixture folder holds the state and the expected parse.
// `UPDATE_GOLDEN=1` rewrites the goldens; review the diff before committing.
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function parseCase(name: string): unknown {
  const text = readFileSync(join(FIXTURES, name, 'terraform.tfstate'), 'utf8');
  try {
    return parseTerraformState(text, { source: 'terraform.tfstate', hasher: testHasher });
  } catch (err) {
    if (!(err instanceof StateParseError)) throw err;
    return { error: err.name, message: err.message };
  }
}

describe('terraform state goldens', () => {
  for (const name of fixtureCases()) {
    it(name, () => {
      const actual = JSON.parse(JSON.stringify(parseCase(name)));
      const golden = join(FIXTURES, name, 'results.golden.json');
      if (UPDATE || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});
