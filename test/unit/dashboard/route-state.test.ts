import { describe, expect, it } from 'vitest';

// The browser modules are plain JavaScript (no build step, no declarations): loaded by path, typed here.
interface Route {
  view: string;
  id?: string;
  params: URLSearchParams;
}
interface RouteModule {
  parseHash(hash: string): Route;
  href(path: string, params?: Record<string, string>): string;
  driftHref(id: string): string;
  isRouteHash(hash: string): boolean;
}
interface FormatModule {
  formatValue(value: unknown): string;
  percent(ratio: number): string;
  scanComplete(scan: {
    status: string;
    summary?: { complete: boolean };
    incompleteScopes: string[];
  }): boolean;
}
const js = (name: string) => new URL(`../../../lib/dashboard/static/js/${name}`, import.meta.url).href;
const { parseHash, href, driftHref, isRouteHash } = (await import(js('route-state.js'))) as RouteModule;
const { formatValue, percent, scanComplete } = (await import(js('format.js'))) as FormatModule;

describe('dashboard hash routes', () => {
  it('parses each view with its parameters', () => {
    expect(parseHash('').view).toBe('overview');
    expect(parseHash('#/').view).toBe('overview');
    const list = parseHash('#/drifts?status=active&provider=aws');
    expect(list.view).toBe('drifts');
    expect(Object.fromEntries(list.params)).toEqual({ status: 'active', provider: 'aws' });
    expect(parseHash('#/drifts/abc%2F1')).toMatchObject({ view: 'drift', id: 'abc/1' });
    expect(parseHash('#/scans/9f29')).toMatchObject({ view: 'scan', id: '9f29' });
    expect(parseHash('#/drifts/a/b').view).toBe('notfound');
    expect(parseHash('#/drifts/%E0%A4%A').id).toBe('%E0%A4%A');
  });

  it('builds links that round-trip, dropping empty filters', () => {
    const link = href('/drifts', { status: 'active', provider: '', q: 'aws_s3_bucket.logs' });
    expect(link).toBe('#/drifts?status=active&q=aws_s3_bucket.logs');
    expect(Object.fromEntries(parseHash(link).params)).toEqual({ status: 'active', q: 'aws_s3_bucket.logs' });
    expect(driftHref('a/b c')).toBe('#/drifts/a%2Fb%20c');
    expect(parseHash(driftHref('a/b c')).id).toBe('a/b c');
  });

  it('treats in-page anchors as no route', () => {
    expect(['', '#', '#/', '#/drifts'].map(isRouteHash)).toEqual([true, true, true, true]);
    expect(isRouteHash('#main')).toBe(false);
  });
});

describe('dashboard formatting', () => {
  it('shows strings as they are ("(sensitive)" included) and other values as JSON', () => {
    expect(formatValue('(sensitive)')).toBe('(sensitive)');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('(absent)');
    expect(formatValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(percent(0.789)).toBe('78.9%');
  });

  it('calls a scan complete only when it finished with every scope covered', () => {
    const base = { status: 'completed', summary: { complete: true }, incompleteScopes: [] as string[] };
    expect(scanComplete(base)).toBe(true);
    expect(scanComplete({ ...base, incompleteScopes: ['aws:1:eu-west-1'] })).toBe(false);
    expect(scanComplete({ ...base, status: 'running' })).toBe(false);
    expect(scanComplete({ ...base, summary: { complete: false } })).toBe(false);
  });
});
