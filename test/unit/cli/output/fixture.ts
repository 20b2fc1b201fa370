import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DriftReport, DriftReportSchema } from '../../../../lib/core/model/index.ts';

export const REPORTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/reports');

/** The realistic report fixture, validated against the report schema. */
export function loadReport(): DriftReport {
  return DriftReportSchema.parse(JSON.parse(readFileSync(join(REPORTS_DIR, 'report.json'), 'utf8')));
}

/** An empty, clean report. */
export function cleanReport(): DriftReport {
  return {
    version: 1,
    summary: { managed: 10, unmanaged: 0, missing: 0, changed: 0, coverage: 1, complete: true },
    drifts: [],
    scopes: [{ provider: 'aws', scope: 'aws:123456789012:eu-west-1', complete: true, nativeTypes: '*' }],
    notChecked: [],
    existenceOnly: [],
    ignored: 0,
    generatedAt: '2026-11-24T03:00:00.000Z',
  };
}
