import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanFinalizeHandler } from '../../../../functions/scan-finalize/handler.ts';
import { createScanPlanHandler } from '../../../../functions/scan-plan/handler.ts';
import { createScanShardHandler } from '../../../../functions/scan-shard/handler.ts';
import type { DriftwatchConfig } from '../../../../lib/core/config/index.ts';
import {
  EXAMPLE_SECRETS,
  exampleConfig,
  lambdaContext,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../../../integration/scan-workflow/harness.ts';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(() => h.close());

const ctx = lambdaContext('driftwatch-scan-finalize');
type PlanOut = {
  scanId: string;
  targets: string[];
  startedAt: string;
  manifest: { bucket: string; key: string };
};
type ShardOut = { shardId: string; target: string; status: string; drifts?: number };

/** Plan + every shard (one failing when asked) by direct calls, as the Map would; returns the Finalize payload. */
async function planAndShards(config: DriftwatchConfig, scanId: string, at: Date, failing?: string) {
  const deps = h.deps(config, () => at);
  const plan = (await createScanPlanHandler(deps)(
    { scanId, target: '*', trigger: 'schedule' },
    ctx,
  )) as PlanOut;
  const shard = createScanShardHandler(deps);
  const shards: ShardOut[] = [];
  for await (const l of h.blobs.getJsonLines(plan.manifest.key)) {
    const item = l as { shardId: string; target: string };
    if (item.target === failing)
      shards.push({
        shardId: item.shardId,
        target: item.target,
        status: 'failed',
        error: { Error: 'Lambda.Unknown', Cause: 'shard timed out' },
      } as ShardOut);
    else shards.push((await shard(l, ctx)) as ShardOut);
  }
  return { payload: { ...plan, shards }, deps };
}

const types = (from: number) => h.published.slice(from).map((p) => `${p.detailType}:${p.detail.target}`);
const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;

describe('scan-finalize handler', () => {
  it('records every target, publishes what was applied, and a replay publishes nothing', async () => {
    const { payload, deps } = await planAndShards(
      exampleConfig('drifted'),
      'scan-a',
      new Date('2026-03-02T08:00:00Z'),
    );
    const finalize = createScanFinalizeHandler(deps);
    const drifts = Object.fromEntries(payload.shards.map((s) => [s.target, s.drifts ?? 0]));
    expect(drifts['example-aws']).toBe(9);
    const out = (await finalize(payload, ctx)) as unknown as {
      status: string;
      counts: Record<string, number>;
    };
    const total = Object.values(drifts).reduce((a, b) => a + b, 0);
    expect(out).toMatchObject({ scanId: 'scan-a', status: 'completed' });
    expect(out.counts).toMatchObject({
      opened: total,
      resolved: 0,
      targets: 4,
      shards: 4,
      failedShards: 0,
      events: total + 4,
    });
    const seen = types(0);
    expect(seen).toHaveLength(total + 4);
    for (const [t, n] of Object.entries(drifts)) {
      expect(count(seen, `DriftDetected:${t}`)).toBe(n);
      expect(count(seen, `ScanCompleted:${t}`)).toBe(1);
    }
    expect(new Set(h.published.map((p) => p.detail.eventId)).size).toBe(h.published.length);
    expect(await h.store.getScan('scan-a.example-aws')).toMatchObject({
      status: 'completed',
      opened: 9,
      incompleteScopes: [],
    });
    expect(await h.store.getScan('scan-a')).toMatchObject({
      target: '*',
      status: 'completed',
      opened: total,
    });

    const before = h.published.length;
    const again = (await finalize(payload, ctx)) as unknown as { counts: Record<string, number> };
    expect(h.published.length).toBe(before);
    expect(again.counts.events).toBe(0);

    const text = JSON.stringify(h.published);
    for (const s of EXAMPLE_SECRETS) expect(text).not.toContain(s);
    expect(text).not.toContain('$sensitive');
    expect(text).not.toContain('(sensitive)');
  });

  it("keeps a failed shard's drifts open (scope incomplete, nothing missing) while the others resolve", async () => {
    const { payload, deps } = await planAndShards(
      exampleConfig('fixed'),
      'scan-b',
      new Date('2026-03-02T09:00:00Z'),
      'example-aws',
    );
    const from = h.published.length;
    await createScanFinalizeHandler(deps)(payload, ctx);
    const seen = types(from);
    expect(seen.filter((s) => s.endsWith(':example-aws'))).toEqual(['ScanCompleted:example-aws']);
    expect(seen.filter((s) => s.startsWith('DriftDetected'))).toEqual([]);
    const aws = await h.store.getScan('scan-b.example-aws');
    expect(aws).toMatchObject({ status: 'completed', opened: 0, resolved: 0, incompleteScopes: ['export'] });
    expect(aws?.scopes).toEqual([
      {
        provider: 'aws',
        scope: 'export',
        complete: false,
        reason: 'Lambda.Unknown: shard timed out',
        nativeTypes: [],
      },
    ]);
    expect((await h.store.query({ target: 'example-aws', status: 'active', limit: 50 })).items).toHaveLength(
      9,
    );
    const resolvedOthers = seen.filter((s) => s.startsWith('DriftResolved')).length;
    const openedOthers = ((await h.store.getScan('scan-a'))?.opened ?? 0) - 9;
    expect(resolvedOthers).toBeGreaterThan(0);
    expect(resolvedOthers).toBe(openedOthers);
    const completed = h.published
      .slice(from)
      .find((p) => p.detailType === 'ScanCompleted' && p.detail.target === 'example-aws');
    expect(completed?.detail).toMatchObject({
      incompleteScopes: ['export'],
      summary: { missing: 0, complete: false },
    });
  });

  it('ScanFailed marks running records failed and publishes ScanFailed once', async () => {
    const deps = h.deps(exampleConfig('drifted'), () => new Date('2026-03-02T10:00:00Z'));
    await createScanPlanHandler(deps)({ scanId: 'scan-c', target: 'example-gcp', trigger: 'api' }, ctx);
    const finalize = createScanFinalizeHandler(deps);
    const from = h.published.length;
    const input = {
      scanId: 'scan-c',
      failed: true,
      error: { Error: 'States.Timeout', Cause: 'map timed out' },
    };
    expect(await finalize(input, ctx)).toEqual({
      scanId: 'scan-c',
      status: 'failed',
      error: 'States.Timeout: map timed out',
    });
    await finalize(input, ctx);
    expect(h.published.slice(from).map((p) => [p.detailType, p.detail])).toEqual([
      [
        'ScanFailed',
        {
          eventId: 'scan-c:example-gcp:ScanFailed',
          at: '2026-03-02T10:00:00.000Z',
          scanId: 'scan-c',
          target: 'example-gcp',
          error: 'States.Timeout: map timed out',
        },
      ],
    ]);
    expect(await h.store.getScan('scan-c')).toMatchObject({
      status: 'failed',
      error: 'States.Timeout: map timed out',
    });
  });

  it('refuses a payload without shards in one line', async () => {
    const finalize = createScanFinalizeHandler(h.deps(exampleConfig('drifted')));
    await expect(
      finalize(
        {
          scanId: 's',
          targets: ['example-aws'],
          startedAt: '2026-03-02T08:00:00Z',
          manifest: { bucket: 'b', key: 'k' },
        },
        ctx,
      ),
    ).rejects.toThrow(/^scan finalize input: shards: /);
  });
});
