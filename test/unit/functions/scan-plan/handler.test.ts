import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanPlanHandler, handler } from '../../../../functions/scan-plan/handler.ts';
import {
  BUCKET,
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

const T = new Date('2026-03-02T08:00:00.000Z');
const ctx = lambdaContext('driftwatch-scan-plan');

async function lines(key: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const l of h.blobs.getJsonLines(key)) out.push(l);
  return out;
}

describe('scan-plan handler', () => {
  it('expands "*" into one shard per export target, writes the manifest, records each target running', async () => {
    const plan = createScanPlanHandler(h.deps(exampleConfig('drifted'), () => T));
    const out = await plan({ scanId: 'scan-all-1', target: '*', trigger: 'schedule' }, ctx);
    const targets = ['example-aws', 'example-azure', 'example-gcp', 'example-kubernetes'];
    expect(out).toEqual({
      scanId: 'scan-all-1',
      targets,
      startedAt: T.toISOString(),
      manifest: { bucket: BUCKET, key: 'manifests/scan-all-1/shards.jsonl' },
      shardCount: 4,
    });
    expect(await lines('manifests/scan-all-1/shards.jsonl')).toEqual(
      targets.map((t) => ({
        scanId: 'scan-all-1',
        shardId: `${t}--export`,
        target: t,
        provider: t.replace('example-', ''),
        scope: 'export',
        startedAt: T.toISOString(),
      })),
    );
    expect(await h.store.getScan('scan-all-1')).toMatchObject({ target: '*', status: 'running' });
    for (const t of targets)
      expect(await h.store.getScan(`scan-all-1.${t}`)).toMatchObject({
        target: t,
        status: 'running',
        startedAt: T.toISOString(),
      });
  });

  it('records a one-target scan under the scan id itself and makes up an id when none is given', async () => {
    const plan = createScanPlanHandler(h.deps(exampleConfig('drifted'), () => T));
    const out = (await plan({ target: 'example-gcp', trigger: 'api' }, ctx)) as {
      scanId: string;
      shardCount: number;
    };
    expect(out.scanId).toMatch(/^scan-2026-03-02T08-00-00-000Z-[0-9a-f]{8}$/);
    expect(out.shardCount).toBe(1);
    expect(await h.store.getScan(out.scanId)).toMatchObject({ target: 'example-gcp', status: 'running' });
  });

  it('refuses an unknown target and a malformed input in one line', async () => {
    const plan = createScanPlanHandler(h.deps(exampleConfig('drifted'), () => T));
    await expect(plan({ target: 'nope', trigger: 'api' }, ctx)).rejects.toThrow(
      'unknown scan target "nope" (known: example-aws, example-azure, example-gcp, example-kubernetes)',
    );
    await expect(plan({ scanId: 'a/b', target: '*' }, ctx)).rejects.toThrow(/^scan plan input: scanId: /);
  });

  it('builds its dependencies from the Lambda environment on first call', async () => {
    const before = { ...process.env };
    Object.assign(process.env, {
      TABLE_NAME: h.store.tableName,
      BUCKET_NAME: BUCKET,
      EVENT_BUS_NAME: 'driftwatch',
      DRIFTWATCH_CONFIG: JSON.stringify(exampleConfig('drifted', ['example-aws'])),
      DRIFTWATCH_HASH_KEY: 'k',
      AWS_ENDPOINT_URL_S3: h.s3.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: h.dynamo.endpoint,
      AWS_REGION: 'us-east-1',
    });
    try {
      const out = await handler({ scanId: 'scan-env-1', target: 'example-aws', trigger: 'manual' }, ctx);
      expect(out).toMatchObject({ scanId: 'scan-env-1', targets: ['example-aws'], shardCount: 1 });
      expect(await lines('manifests/scan-env-1/shards.jsonl')).toHaveLength(1);
      expect(await h.store.getScan('scan-env-1')).toMatchObject({ status: 'running' });
    } finally {
      process.env = before;
    }
  });
});
