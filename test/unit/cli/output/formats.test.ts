import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../../lib/cli/output/index.ts';
import { MARKDOWN_LIMIT } from '../../../../lib/cli/output/markdown.ts';
import type { Drift } from '../../../../lib/core/model/index.ts';
import { DriftReportSchema } from '../../../../lib/core/model/index.ts';
import { cleanReport, loadReport } from './fixture.ts';

describe('json', () => {
  it('is the report as is, version/summary/drifts first, changes reduced to path/desired/actual', () => {
    const text = renderReport(loadReport(), 'json', { color: false });
    const out = JSON.parse(text);
    expect(Object.keys(out).slice(0, 3)).toEqual(['version', 'summary', 'drifts']);
    expect(Object.keys(out).sort()).toEqual(
      [
        'drifts',
        'existenceOnly',
        'generatedAt',
        'ignored',
        'notChecked',
        'scopes',
        'summary',
        'version',
      ].sort(),
    );
    expect(text.startsWith('{\n  "version": 1,\n  "summary": {')).toBe(true);
    const db = out.drifts.find((d: Drift) => d.address === 'module.db.aws_db_instance.main');
    expect(db).toEqual({
      kind: 'changed',
      provider: 'aws',
      type: 'aws_db_instance',
      address: 'module.db.aws_db_instance.main',
      id: 'arn:aws:rds:eu-west-1:123456789012:db:acme-orders-prod',
      severity: 'high',
      category: 'SecretChange',
      changes: [
        { path: 'engine_version', desired: '15.4', actual: '15.7' },
        { path: 'password', desired: '(sensitive)', actual: '(sensitive)' },
      ],
      scope: 'aws:123456789012:eu-west-1',
      nativeType: 'AWS::RDS::DBInstance',
    });
    // Still a valid report.
    expect(DriftReportSchema.parse(out).drifts).toHaveLength(17);
  });
});

describe('table', () => {
  it('groups by severity, critical first, and uses no escape codes without colour', () => {
    const out = renderReport(loadReport(), 'table', { color: false });
    expect(out).not.toContain('\u001b');
    const heads = out.split('\n').filter((l) => /^ (CRITICAL|HIGH|MEDIUM|LOW) \(\d+\) $/.test(l));
    expect(heads).toEqual([' CRITICAL (3) ', ' HIGH (6) ', ' MEDIUM (6) ', ' LOW (2) ']);
    expect(out).toContain('      tags.Environment: production → prod\n');
    expect(out).toContain(
      'Summary: managed 42, changed 11, missing 2, unmanaged 4, coverage 91.3%, partial\n',
    );
    expect(out).toContain('Not checked: 2');
    expect(out).toContain('Existence only (attributes not compared): aws_route_table, google_dns_record_set');
  });
  it('colours severities with ANSI codes when asked', () => {
    const out = renderReport(loadReport(), 'table', { color: true });
    expect(out).toContain('\u001b[1;97;41m CRITICAL (3) \u001b[0m');
    expect(out).toContain('\u001b[36m LOW (2) \u001b[0m');
  });
  it('says so when there is no drift', () => {
    expect(renderReport(cleanReport(), 'table', { color: false })).toBe(
      'No drift found.\n\nSummary: managed 10, changed 0, missing 0, unmanaged 0, coverage 100.0%, complete\nCovered scopes: aws:123456789012:eu-west-1\n',
    );
  });
  it('keeps both ends of long ids and shows where long values differ', () => {
    const out = renderReport(loadReport(), 'table', { color: false });
    expect(out).toContain('/subscriptions/6b1f4c2e-8a3d-4f5b-9…ompute/virtualMachines/vm-debug-01');
    expect(out).toContain('→ …ub":"repo:acme/*"}}');
  });
});

describe('markdown', () => {
  function bigReport(n: number) {
    const r = loadReport();
    const base = r.drifts[0]!;
    r.drifts = Array.from({ length: n }, (_, i) => ({
      ...base,
      address: `module.network.aws_security_group.web[${i}]`,
      changes: [{ path: 'description', desired: 'x'.repeat(400), actual: 'y'.repeat(400) }],
    }));
    return r;
  }
  it('stays under the GitHub comment limit and says what it left out', () => {
    const out = renderReport(bigReport(400), 'markdown', { color: false });
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const shown = (out.match(/^\| changed \|/gm) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(400);
    expect(out).toContain(`> ✂️ ${400 - shown} more drifts not shown`);
    // Cut between drifts: every <details> is closed.
    expect((out.match(/<details>/g) ?? []).length).toBe((out.match(/<\/details>/g) ?? []).length);
  });
  it('leaves a small report whole', () => {
    const out = renderReport(loadReport(), 'markdown', { color: false });
    expect(out).not.toContain('not shown');
    expect(out.startsWith('## ⚠️ driftwatch: 17 drifts found\n')).toBe(true);
    expect(out).toContain('### 🔴 Critical (3)');
    expect(out).toContain('| `labels.status` | `null` | `🚀-launched` |');
  });
});

describe('html', () => {
  it('has a section per severity reachable by anchor', () => {
    const out = renderReport(loadReport(), 'html', { color: false });
    for (const s of ['critical', 'high', 'medium', 'low']) {
      expect(out).toContain(`<section class="drifts" id="${s}">`);
      expect(out).toContain(`<a href="#${s}">`);
    }
    expect(out).toContain('body:has(section:target) section.drifts:not(:target) { display: none; }');
    expect(out.startsWith('<!doctype html>')).toBe(true);
  });
});
