import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, renderReport } from '../../../../lib/cli/output/index.ts';
import type { DriftReport } from '../../../../lib/core/model/index.ts';
import { loadReport } from './fixture.ts';

const HASH = 'hmac-sha256-7f3c9e2a41d8b6055e19';
const PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x9Qz7sVb3kWm0yLr8nT2fXc4hJ5pK6dE0aG9uB+Yv2oCw\n-----END RSA PRIVATE KEY-----';
const GH_TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';

function leakyReport(): DriftReport {
  const r = loadReport();
  r.drifts.push({
    kind: 'changed',
    provider: 'aws',
    type: 'aws_instance',
    address: 'aws_instance.bastion',
    id: 'i-0123456789abcdef0',
    severity: 'high',
    category: 'SecretChange',
    changes: [
      { path: 'user_data', desired: { $sensitive: HASH }, actual: PEM },
      { path: 'tags.note', desired: [GH_TOKEN], actual: { nested: { $sensitive: HASH } } },
      { path: 'metadata_options.0.http_tokens', desired: 'optional', actual: `key=${PEM}`, sensitive: true },
    ],
  });
  r.notChecked.push({ address: 'aws_instance.x', type: 'aws_instance', id: GH_TOKEN, reason: 'test' });
  return r;
}

describe('no secret reaches any format', () => {
  it.each(REPORT_FORMATS)('%s', (format) => {
    for (const color of [false, true]) {
      const out = renderReport(leakyReport(), format, { color });
      expect(out).not.toContain(HASH);
      expect(out).not.toContain('$sensitive');
      expect(out).not.toContain('PRIVATE KEY');
      expect(out).not.toContain('MIIEowIBAAKCAQEA');
      expect(out).not.toContain(GH_TOKEN);
      expect(out).toContain('(sensitive)');
    }
  });
  it('json keeps sensitive placeholders as values and drops the internal flag', () => {
    const out = JSON.parse(renderReport(leakyReport(), 'json', { color: false }));
    const d = out.drifts.at(-1);
    expect(d.changes).toEqual([
      { path: 'user_data', desired: '(sensitive)', actual: '(sensitive)' },
      { path: 'tags.note', desired: ['(sensitive)'], actual: { nested: '(sensitive)' } },
      { path: 'metadata_options.0.http_tokens', desired: '(sensitive)', actual: '(sensitive)' },
    ]);
  });
});

describe('escaping hostile values', () => {
  const hostile = (): DriftReport => {
    const r = loadReport();
    r.drifts = [
      {
        kind: 'changed',
        provider: 'gcp',
        type: 'google_storage_bucket',
        address: 'google_storage_bucket.site',
        id: '//storage.googleapis.com/<b>site</b>',
        severity: 'low',
        category: 'LabelChange',
        changes: [
          { path: 'labels.x', desired: '<script>alert("x")</script>', actual: 'a|b`c`\u001b[31mred\nnext' },
        ],
      },
    ];
    return r;
  };
  it('html escapes markup', () => {
    const out = renderReport(hostile(), 'html', { color: false });
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>site');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
  it('html is self-contained: no external URLs, no scripts', () => {
    const out = renderReport(loadReport(), 'html', { color: false });
    expect(out).not.toMatch(/<script|<link|<img|src=|url\(|@import|https?:\/\//i);
    expect(out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
  it('markdown escapes pipes and backticks inside code cells and keeps rows on one line', () => {
    const out = renderReport(hostile(), 'markdown', { color: false });
    expect(out).toContain(
      '| `labels.x` | `<script>alert("x")</script>` | ``a\\|b`c`\\u001b[31mred\\nnext`` |',
    );
    expect(out).not.toContain('\u001b');
  });
  it('table output escapes control characters so a value cannot drive the terminal', () => {
    const out = renderReport(hostile(), 'table', { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('a|b`c`\\u001b[31mred\\nnext');
  });
});
