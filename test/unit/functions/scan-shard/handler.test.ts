import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanShardHandler } from '../../../../functions/scan-shard/handler.ts';
import { parseConfig } from '../../../../lib/core/config/index.ts';
import { DriftReportSchema } from '../../../../lib/core/model/report.ts';
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

const ctx = lambdaContext('driftwatch-scan-shard');
const line = (target: string, provider: string) => ({
  scanId: 'scan-1',
  target,
  shardId: `${target}--export`,
  provider,
  scope: 'export',
  startedAt: '2026-03-02T08:00:00.000Z',
});

describe('scan-shard handler', () => {
  it('scans one shard and writes its report (sealed values only) and live ids', async () => {
    const shard = createScanShardHandler(h.deps(exampleConfig('drifted')));
    const out = await shard(line('example-aws', 'aws'), ctx);
    expect(out).toEqual({
      shardId: 'example-aws--export',
      target: 'example-aws',
      status: 'ok',
      reportKey: 'reports/scan-1/example-aws--export.json',
      drifts: 9,
      complete: true,
    });
    const raw = await h.blobs.getJson('reports/scan-1/example-aws--export.json');
    const report = DriftReportSchema.parse(raw);
    expect(report.generatedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(report.summary).toMatchObject({ managed: 11, changed: 5, missing: 1, unmanaged: 3 });
    const text = JSON.stringify(raw);
    for (const s of EXAMPLE_SECRETS) expect(text).not.toContain(s);
    const ids: unknown[] = [];
    for await (const id of h.blobs.getJsonLines('reports/scan-1/example-aws--export.live.jsonl'))
      ids.push(id);
    expect(ids).toContain('arn:aws:iam::123456789012:role/debug-admin');
    expect(ids).toEqual([...ids].sort());
  });

  it('throws one line when the shard cannot run at all (Step Functions retries, then catches)', async () => {
    const config = parseConfig(
      {
        version: 1,
        targets: [
          {
            name: 'broken',
            provider: 'aws',
            state: ['examples/aws/terraform.tfstate'],
            inventory: ['examples/aws/nope.json'],
          },
        ],
      },
      'test',
    );
    const shard = createScanShardHandler(h.deps(config));
    const err = await shard(line('broken', 'aws'), ctx).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('nope.json');
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses a shard line of an unknown target or with a bad field', async () => {
    const shard = createScanShardHandler(h.deps(exampleConfig('drifted')));
    await expect(shard(line('ghost', 'aws'), ctx)).rejects.toThrow(
      'ghost--export: unknown scan target "ghost"',
    );
    await expect(shard({ ...line('example-aws', 'aws'), provider: 'oracle' }, ctx)).rejects.toThrow(
      /^scan shard input: provider: /,
    );
  });
});
