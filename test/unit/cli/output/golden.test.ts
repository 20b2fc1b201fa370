import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ReportFormat, renderReport } from '../../../../lib/cli/output/index.ts';
import { cleanReport, loadReport, REPORTS_DIR } from './fixture.ts';

const GOLDEN = join(REPORTS_DIR, 'golden');
const CASES: Array<[string, ReportFormat, boolean]> = [
  ['report.table.txt', 'table', false],
  ['report.table-color.txt', 'table', true],
  ['report.json', 'json', false],
  ['report.sarif.json', 'sarif', false],
  ['report.md', 'markdown', false],
  ['report.html', 'html', false],
];

// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/unit/cli/output, then review the diff.
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`${name}: no golden file; run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden outputs of the realistic report', () => {
  it.each(CASES)('%s', (name, format, color) => {
    golden(name, renderReport(loadReport(), format, { color }));
  });
  it.each(CASES)('clean scan: %s', (name, format, color) => {
    golden(`clean.${name.slice('report.'.length)}`, renderReport(cleanReport(), format, { color }));
  });
});
