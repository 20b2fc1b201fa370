import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../lib/adapters/store/dynamodb/embedded.ts';
import { createRouter } from '../../lib/api/router.ts';
import { startServer } from '../../lib/cli/commands/serve.ts';
import { localRemediation } from '../../lib/cli/serve-wiring.ts';
import { acknowledge, unacknowledge } from '../../lib/core/lifecycle/index.ts';
import type { DriftRecord } from '../../lib/core/model/drift-record.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

/** An active tag drift with a pending remediation (the approval test). */
function approvalDrift(): DriftRecord {
  return {
    id: 'cHJvZC1ldXxjaGFuZ2VkfGF3c19zM19idWNrZXQuYXNzZXRz',
    target: 'prod-eu',
    identity: 'aws_s3_bucket.assets',
    kind: 'changed',
    provider: 'aws',
    type: 'aws_s3_bucket',
    address: 'aws_s3_bucket.assets',
    resourceId: 'arn:aws:s3:::acme-assets',
    category: 'TagChange',
    severity: 'high',
    changes: [{ path: 'tags.env', desired: 'prod', actual: 'dev' }],
    fingerprint: 'fp-assets',
    status: 'active',
    firstDetectedAt: '2026-03-10T08:00:00.000Z',
    lastChangedAt: '2026-03-10T08:00:00.000Z',
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    lastScanId: 'scan-approvals',
    version: 1,
  };
}

// Real headless Chromium (Debian's, installed by scripts/install-chromium.sh) driven by playwright-core.
const CHROMIUM = '/usr/bin/chromium';
const playwright = await import('playwright-core').catch(() => undefined);
const missing = [
  !playwright && 'playwright-core is not installed',
  !existsSync(CHROMIUM) && `${CHROMIUM} is missing`,
]
  .filter(Boolean)
  .join(' and ');
if (missing)
  console.warn(`browser tests skipped: ${missing} (run scripts/install-chromium.sh as root, then npm ci)`);
const require = createRequire(import.meta.url);
const axeSource = (() => {
  try {
    return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    return undefined;
  }
})();

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let demo: DemoServer;
let context: BrowserContext;
let page: Page;
let profile: string;
const requests: string[] = [];
const problems: string[] = [];

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${demo.server.url}${path}`);
  return (await res.json()) as T;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core over the current page: no serious or critical violation (injected via CDP, so the CSP stays on). */
async function expectAccessible(label: string): Promise<void> {
  if (!axeSource) {
    console.warn('axe-core not installed: accessibility scan skipped');
    return;
  }
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: ${JSON.stringify(violations)}`).toEqual([]);
}

(missing ? describe.skip : describe)('dashboard in headless Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    demo = await startDemoServer();
    profile = mkdtempSync(join(tmpdir(), 'dw-chromium-'));
    context = await playwright!.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await demo?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads the overview from the demo data', async () => {
    await page.goto(`${demo.server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'Last scans' }).waitFor();
    const stats = await api<{ byStatus: Record<string, number> }>('/stats');
    const statusCard = page.getByRole('region', { name: 'By status' });
    expect(await statusCard.locator('dd').allTextContents()).toEqual([
      String(stats.byStatus.active),
      String(stats.byStatus.acknowledged),
      String(stats.byStatus.resolved),
    ]);
    expect(stats.byStatus.active).toBeGreaterThan(0);
    expect(stats.byStatus.resolved).toBeGreaterThan(0);
    await expect(page.locator('svg.trend-svg polyline').count()).resolves.toBe(2);
    // 5 scans: four drifted, GCP fixed; the newest first.
    const scanRows = page.getByRole('region', { name: 'Last scans' }).locator('tbody tr');
    expect(await scanRows.count()).toBe(5);
    expect(await scanRows.first().locator('td').first().textContent()).toBe('example-gcp');
    await shot('overview-1280');
    await expectAccessible('overview');
  });

  it('filters the list by provider and keeps the filter in the URL', async () => {
    await page.getByRole('link', { name: 'Drift', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Drift' }).waitFor();
    await page.getByLabel('Provider').selectOption('aws');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction("location.hash.includes('provider=aws')");
    const expected = await api<{ items: { id: string }[] }>('/drifts?status=active&provider=aws&limit=500');
    expect(expected.items.length).toBeGreaterThan(1);
    const rows = page.locator('table.drifts tbody tr');
    await expect.poll(() => rows.count()).toBe(expected.items.length);
    const providers = await rows.locator('td.col-provider').allTextContents();
    expect(new Set(providers)).toEqual(new Set(['aws']));
    expect(new URL(page.url()).hash).toBe('#/drifts?status=active&provider=aws');
    // Sorting by severity (descending) puts a critical one first.
    await page.getByRole('button', { name: /^Severity/ }).click();
    await expect.poll(() => rows.first().locator('td.col-severity').textContent()).toBe('critical');
    await shot('drift-list-1280');
    await expectAccessible('drift list');
  });

  it('opens a drift and shows desired vs actual and its history', async () => {
    await page.locator('table.drifts tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Desired vs actual' }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.locator('.timeline li').first().waitFor();
    expect(await page.locator('.timeline li').first().textContent()).toContain('opened');
    await shot('drift-detail-1280');
    await expectAccessible('drift detail');
  });

  it('acknowledges the drift and shows the new status', async () => {
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/drifts/', ''));
    await page.getByLabel('Reason').fill('change window CHG-1042, reverted on Friday');
    const expiry = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const local = new Date(expiry.getTime() - expiry.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel(/^Expires/).fill(local);
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('Drift is now acknowledged.').waitFor();
    await page.locator('.badges .status-acknowledged').waitFor();
    await page.locator('.timeline .event-acknowledged').waitFor();
    expect(await page.locator('.timeline .event-acknowledged').textContent()).toContain(
      'change window CHG-1042, reverted on Friday',
    );
    const record = await api<{ status: string; acknowledgement: { reason: string; expiresAt: string } }>(
      `/drifts/${encodeURIComponent(id)}`,
    );
    expect(record.status).toBe('acknowledged');
    expect(record.acknowledgement.reason).toBe('change window CHG-1042, reverted on Friday');
    expect(record.acknowledgement.expiresAt.slice(0, 16)).toBe(expiry.toISOString().slice(0, 16));
    await shot('drift-acknowledged-1280');

    // Back in the list: gone from active, present under acknowledged.
    await page.goto(`${demo.server.url}/#/drifts?status=acknowledged`);
    await expect.poll(() => page.locator('table.drifts tbody tr').count()).toBe(1);
    expect(await page.locator('table.drifts tbody tr a').getAttribute('href')).toBe(
      `#/drifts/${encodeURIComponent(id)}`,
    );
  });

  it('searches by address from the keyboard and deep-links the search', async () => {
    await page.goto(`${demo.server.url}/#/drifts?status=active`);
    await page.reload();
    await page.locator('table.drifts tbody tr').first().waitFor();
    // On a freshly loaded page the first Tab reaches the skip link, with a visible focus ring.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string[]>(
      '[document.activeElement.textContent, getComputedStyle(document.activeElement).outlineStyle]',
    );
    expect(focused).toEqual(['Skip to content', 'solid']);
    await page.getByLabel('Search id or address').focus();
    await page.keyboard.type('aws_s3_bucket');
    await page.keyboard.press('Enter');
    await page.waitForFunction("location.hash.includes('q=aws_s3_bucket')");
    const names = await page.locator('table.drifts tbody th a').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('aws_s3_bucket'))).toBe(true);
    // Reloading the deep link restores the same view.
    await page.reload();
    await page.locator('table.drifts tbody tr').first().waitFor();
    expect(await page.locator('table.drifts tbody th a').allTextContents()).toEqual(names);
    expect(await page.getByLabel('Search id or address').inputValue()).toBe('aws_s3_bucket');
  });

  it('shows a sensitive change as "(sensitive)" and nothing of its digest', async () => {
    type Change = { sensitive?: boolean; digest?: string };
    const all = await api<{ items: { id: string; changes: Change[] }[] }>('/drifts?limit=500');
    const secret = all.items.find((d) => d.changes.some((c) => c.sensitive));
    expect(secret).toBeDefined();
    await page.goto(`${demo.server.url}/#/drifts/${encodeURIComponent(secret!.id)}`);
    await page.getByRole('heading', { name: 'Desired vs actual' }).waitFor();
    const change = page
      .locator('.change')
      .filter({ has: page.locator('.badge', { hasText: 'sensitive' }) })
      .first();
    expect(await change.locator('.side code').allTextContents()).toContain('(sensitive)');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const c of secret!.changes) if (c.digest) expect(text).not.toContain(c.digest);
    await shot('drift-sensitive-1280');
  });

  it('asks for the token when the page carries none, then acknowledges with it', async () => {
    // As served off loopback: the same page without the token meta tag.
    await page.route(`${demo.server.url}/`, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(/<meta name="driftwatch-token"[^>]*>/, '');
      await route.fulfill({ response: res, body });
    });
    const active = await api<{ items: { id: string }[] }>('/drifts?status=active&provider=azure&limit=1');
    const id = active.items[0]!.id;
    await page.goto(`${demo.server.url}/#/drifts/${encodeURIComponent(id)}`);
    await page.reload();
    expect(await page.locator('meta[name="driftwatch-token"]').count()).toBe(0);
    await page.getByLabel('API token').fill(demo.server.token);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByLabel('Reason').fill('accepted risk, see ticket SEC-77');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('Drift is now acknowledged.').waitFor();
    await page.unroute(`${demo.server.url}/`);
    expect((await api<{ status: string }>(`/drifts/${encodeURIComponent(id)}`)).status).toBe('acknowledged');
  });

  it('shows a scan with per-scope completeness', async () => {
    await page.goto(`${demo.server.url}/#/`);
    await page.getByRole('region', { name: 'Last scans' }).locator('tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Scopes' }).waitFor();
    expect(await page.getByRole('region', { name: 'Scopes' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await shot('scan-1280');
    await expectAccessible('scan');
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${demo.server.url}/#/drifts?status=active`);
    await page.locator('table.drifts tbody tr').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('drift-list-390');
    await page.locator('table.drifts tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Desired vs actual' }).waitFor();
    await shot('drift-detail-390');
    await expectAccessible('drift detail at 390px');
  });

  it('approves a pending remediation from the drift detail: the buttons go, history shows it', async () => {
    // serve.ts does not forward approvals to its router yet, so this server's /approvals requests
    // are answered by a router over the SAME embedded store with the local remediation wiring.
    const dir = mkdtempSync(join(tmpdir(), 'dw-approvals-'));
    const { store, close } = await openLocalStore({ dir, env: {} });
    const server = await startServer({
      store,
      port: 0,
      triggerScan: () => Promise.reject(new Error('not in this test')),
    });
    try {
      const drift = approvalDrift();
      await store.apply([{ record: drift, expectedVersion: 0, events: [] }]);
      const local = localRemediation(store);
      await local.approvals.create({
        id: 'rem-browser-1',
        driftId: drift.id,
        target: drift.target,
        executor: 'revert-tags',
        dryRun: true,
        status: 'pending',
        requestedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        summary:
          'revert-tags (dry run) for changed aws_s3_bucket.assets in prod-eu: set tags tags.env on arn:aws:s3:::acme-assets',
        taskToken: 'local-task-token-never-shown',
      });
      const router = createRouter({
        store,
        lifecycle: { acknowledge, unacknowledge },
        triggerScan: () => Promise.reject(new Error('not in this test')),
        approvals: local.approvals,
        tasks: local.tasks,
      });
      const posted: string[] = [];
      await page.route(`${server.url}/approvals**`, async (route) => {
        const req = route.request();
        const url = new URL(req.url());
        if (req.method() === 'POST') posted.push(`${url.pathname} ${req.postData()}`);
        const res = await router.handle({
          method: req.method(),
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: {},
          body: req.postData() ?? undefined,
          principal: 'local:dashboard-test',
        });
        await route.fulfill({ status: res.status, headers: res.headers, body: res.body });
      });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/#/drifts/${encodeURIComponent(drift.id)}`);
      await page.getByRole('heading', { name: 'Remediation approval' }).waitFor();
      expect(await page.locator('.approval').textContent()).toContain('revert-tags (dry run)');
      expect(await page.content()).not.toContain('local-task-token-never-shown');
      await shot('drift-approval-1280');
      await expectAccessible('drift detail with a pending approval');
      await page.getByLabel('Comment (optional)').fill('CHG-2001');
      await page.getByRole('button', { name: 'Approve remediation' }).click();
      await page.getByText('Remediation approved.').waitFor();
      await page.locator('.timeline .event-remediation_approved').waitFor();
      expect(await page.getByRole('button', { name: 'Approve remediation' }).count()).toBe(0);
      expect(await page.locator('.timeline .event-remediation_approved').textContent()).toContain(
        'by local:dashboard-test',
      );
      expect(posted).toEqual(['/approvals/rem-browser-1 {"decision":"approve","comment":"CHG-2001"}']);
      expect(local.tasks.decisions).toEqual([
        {
          taskToken: 'local-task-token-never-shown',
          outcome: 'succeeded',
          output: { decision: 'approve', approver: 'local:dashboard-test', comment: 'CHG-2001' },
        },
      ]);
      expect((await local.approvals.get('rem-browser-1'))?.status).toBe('approved');
      await shot('drift-approved-1280');
    } finally {
      await page.unroute(`${server.url}/approvals**`);
      await server.close();
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('made no request beyond 127.0.0.1 and hit no CSP or script error', () => {
    expect(requests.length).toBeGreaterThan(10);
    const foreign = requests.filter((u) => new URL(u).hostname !== '127.0.0.1');
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
