import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderReport } from '../../../../lib/cli/output/index.ts';
import { driftFingerprint } from '../../../../lib/cli/output/sarif.ts';
import { cleanReport, loadReport } from './fixture.ts';

// The required subset of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) plus what GitHub
// code scanning reads: tool.driver.name, rules with ids, results with message.text and levels.
const message = z.object({ text: z.string().min(1) });
const artifactLocation = z.object({ uri: z.string().min(1) });
const location = z
  .object({
    physicalLocation: z.object({ artifactLocation }).optional(),
    logicalLocations: z
      .array(
        z.object({
          name: z.string().optional(),
          fullyQualifiedName: z.string().optional(),
          kind: z.string().optional(),
        }),
      )
      .optional(),
  })
  .refine(
    (l) => l.physicalLocation || l.logicalLocations?.length,
    'a location needs a physical or logical location',
  );
const reportingDescriptor = z.object({
  id: z.string().min(1),
  shortDescription: message,
  defaultConfiguration: z.object({ level: z.enum(['none', 'note', 'warning', 'error']) }),
});
const result = z.object({
  ruleId: z.string().min(1),
  ruleIndex: z.number().int().min(0),
  level: z.enum(['none', 'note', 'warning', 'error']),
  message,
  locations: z.array(location).min(1),
  partialFingerprints: z.record(z.string(), z.string()),
});
const SarifSchema = z.object({
  $schema: z.literal('https://json.schemastore.org/sarif-2.1.0.json'),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.literal('driftwatch'),
            informationUri: z.url(),
            rules: z.array(reportingDescriptor),
          }),
        }),
        results: z.array(result),
      }),
    )
    .length(1),
});

const sarif = (fallback?: string) =>
  SarifSchema.parse(
    JSON.parse(
      renderReport(loadReport(), 'sarif', {
        color: false,
        ...(fallback ? { sarifFallbackUri: fallback } : {}),
      }),
    ),
  );

describe('SARIF output', () => {
  it('validates against the required SARIF 2.1.0 subset, clean or not', () => {
    expect(sarif().runs[0]!.results).toHaveLength(17);
    expect(
      SarifSchema.parse(JSON.parse(renderReport(cleanReport(), 'sarif', { color: false }))).runs[0]!.results,
    ).toEqual([]);
  });
  it('has one rule per category with unique ids, and every result points at its rule', () => {
    const run = sarif().runs[0]!;
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(ids).toEqual(
      expect.arrayContaining(['Missing', 'Unmanaged', 'SecurityChange', 'TagChange', 'Scaling']),
    );
  });
  it('maps severities to levels: critical/high error, medium warning, low note', () => {
    const levels = sarif().runs[0]!.results.map((r) => r.level);
    const severities = loadReport().drifts.map((d) => d.severity);
    const want = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;
    expect(levels).toEqual(severities.map((s) => want[s]));
  });
  it('locates manifest drifts in their file, others logically (or in the fallback file)', () => {
    const results = sarif().runs[0]!.results;
    const manifest = results.find((r) => r.message.text.includes('worker.yaml'))!;
    expect(manifest.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('deploy/k8s/worker.yaml');
    expect(results[0]!.locations[0]).toEqual({
      logicalLocations: [
        {
          name: 'module.network.aws_security_group.web',
          fullyQualifiedName: 'sg-0a1b2c3d4e5f67890',
          kind: 'resource',
        },
      ],
    });
    const withFallback = sarif('infra/prod/terraform.tfstate').runs[0]!.results;
    expect(withFallback[0]!.locations[0]!.physicalLocation!.artifactLocation.uri).toBe(
      'infra/prod/terraform.tfstate',
    );
  });
  it('fingerprints are stable, distinct per drift, and ignore change order', () => {
    const a = sarif().runs[0]!.results.map((r) => r.partialFingerprints['driftwatch/v1']);
    const b = sarif().runs[0]!.results.map((r) => r.partialFingerprints['driftwatch/v1']);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    const d = loadReport().drifts[0]!;
    expect(driftFingerprint({ ...d, changes: [...d.changes].reverse() })).toBe(driftFingerprint(d));
    expect(driftFingerprint(d)).toMatch(/^[0-9a-f]{32}$/);
  });
});
