import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInventoryText } from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import type { InventorySnapshot } from '../../../../../lib/core/model/coverage.ts';

/** Absolute path of test/fixtures/inventory. */
export const FIXTURES = fileURLToPath(new URL('../../../../fixtures/inventory/', import.meta.url));

/** Every fixture case: `<provider>/<case>` folders holding one export file and its golden result. */
export function fixtureCases(): Array<{ name: string; dir: string; file: string }> {
  const out: Array<{ name: string; dir: string; file: string }> = [];
  for (const provider of ['aws', 'azure', 'gcp', 'kubernetes']) {
    for (const c of readdirSync(join(FIXTURES, provider)).sort()) {
      const dir = join(FIXTURES, provider, c);
      const file = readdirSync(dir).find((f) => f !== 'results.golden.json');
      if (file) out.push({ name: `${provider}/${c}`, dir, file });
    }
  }
  return out;
}

/** Parses one fixture file; the source is `<provider>/<case>/<file>` so goldens do not depend on cwd. */
export function loadFixture(rel: string, opts: { cluster?: string } = {}): InventorySnapshot {
  return parseInventoryText(readFileSync(join(FIXTURES, rel), 'utf8'), rel, opts);
}

/** The first resource with this native type (throws when there is none, so tests fail loudly). */
export function byType(snapshot: InventorySnapshot, nativeType: string) {
  const r = snapshot.resources.find((x) => x.nativeType === nativeType);
  if (!r) throw new Error(`no ${nativeType} in snapshot`);
  return r;
}
