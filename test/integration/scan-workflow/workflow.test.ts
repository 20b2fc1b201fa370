import { StateMachine } from 'aws-local-stepfunctions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanFinalizeHandler } from '../../../functions/scan-finalize/handler.ts';
import { createScanPlanHandler } from '../../../functions/scan-plan/handler.ts';
import { createScanShardHandler } from '../../../functions/scan-shard/handler.ts';
import type { DriftwatchConfig } from '../../../lib/core/config/index.ts';
import { scanDefinition } from './definition.ts';
import {
  EXAMPLE_SECRETS,
  exampleConfig,
  lambdaContext,
  startWorkflowHarness,
  type WorkflowHarness,
} from './harness.ts';
import { lambdaTask, taskStates, withLocalItemReaders } from './local-run.ts';

// aws-local-stepfunctions 3 calls Promise.withResolvers (Node 22+); CI runs Node 20.
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

let h: WorkflowHarness;
let source: string;
let machine: StateMachine;
let tasks: ReturnType<typeof taskStates>;
let readers: string[];

beforeAll(async () => {
  h = await startWorkflowHarness();
  const t0 = Date.now();
  const def = await scanDefinition(exampleConfig('drifted'));
  console.info(`definition ready in ${Date.now() - t0} ms`);
  console.info(`scan workflow test runs the ${def.source} definition`);
  source = def.source;
  const local = withLocalItemReaders(def.asl);
  readers = local.readers;
  tasks = taskStates(local.asl);
  machine = new StateMachine(local.asl as never, { validationOptions: { noValidate: true } });
});
afterAll(() => h.close());

interface Run {
  result: Promise<unknown>;
  shardCalls: Map<string, number>;
  /** The task state each shard ran in (the synthesized definition routes by provider). */
  shardTaskOf: Map<string, string>;
  finalizeInputs: unknown[];
}

/** One execution: the real handlers on dynalite/s3rver, `failing` target's shard throwing a retryable Lambda error. */
function execute(config: DriftwatchConfig, scanId: string, target: string, at: Date, failing?: string): Run {
  const deps = h.deps(config, () => at);
  const ctx = lambdaContext('local');
  const shardCalls = new Map<string, number>();
  const shardTaskOf = new Map<string, string>();
  const finalizeInputs: unknown[] = [];
  const shard = createScanShardHandler(deps);
  const finalize = createScanFinalizeHandler(deps);
  // One ScanShard task per provider in the synthesized definition (ScanShardAws …), one in the contract's.
  const shardTasks = [...tasks.keys()].filter((n) => n.startsWith('ScanShard'));
  const shardTask = (name: string) =>
    lambdaTask(
      tasks.get(name),
      async (event, c) => {
        const s = event as { shardId: string; target: string };
        shardCalls.set(s.shardId, (shardCalls.get(s.shardId) ?? 0) + 1);
        shardTaskOf.set(s.shardId, name);
        if (s.target === failing) {
          const err = new Error('Rate exceeded');
          err.name = 'Lambda.ServiceException';
          throw err;
        }
        return shard(event, c);
      },
      ctx,
    );
  const handlers: Record<string, (input: unknown) => Promise<never>> = {
    Plan: lambdaTask(tasks.get('Plan'), createScanPlanHandler(deps), ctx),
    ...Object.fromEntries(shardTasks.map((n) => [n, shardTask(n)])),
    Finalize: lambdaTask(
      tasks.get('Finalize'),
      async (event, c) => {
        finalizeInputs.push(event);
        return finalize(event, c);
      },
      ctx,
    ),
    ScanFailed: lambdaTask(tasks.get('ScanFailed'), finalize, ctx),
  };
  // The ItemReader, run locally: the JSONL manifest from s3rver, one item per line.
  for (const r of readers)
    handlers[r] = async (input: unknown) => {
      const { Key } = input as { Bucket: string; Key: string };
      const items: unknown[] = [];
      for await (const l of h.blobs.getJsonLines(Key)) items.push(l);
      return items as never;
    };
  const run = machine.run(
    { scanId, target, trigger: 'schedule' },
    {
      overrides: {
        taskResourceLocalHandlers: handlers,
        retryIntervalOverrides: Object.fromEntries(shardTasks.map((n) => [n, 0])),
      },
      context: { Execution: { Name: scanId, StartTime: at.toISOString() } },
    },
  );
  return { result: run.result, shardCalls, shardTaskOf, finalizeInputs };
}

const kinds = (from: number, to = h.published.length) =>
  h.published.slice(from, to).map((p) => `${p.detailType}:${p.detail.target}`);

describe(`scan workflow through aws-local-stepfunctions`, () => {
  it('runs Plan → a shard per target → Finalize and records every target', async () => {
    expect(['contract', 'synthesized']).toContain(source);
    const run = execute(exampleConfig('drifted'), 'scan-w1', '*', new Date('2026-03-02T08:00:00Z'));
    const out = (await run.result) as {
      scanId: string;
      status: string;
      counts: Record<string, number> & { opened: number };
    };
    expect([...run.shardCalls.entries()].sort()).toEqual([
      ['example-aws--export', 1],
      ['example-azure--export', 1],
      ['example-gcp--export', 1],
      ['example-kubernetes--export', 1],
    ]);
    if (source === 'synthesized')
      expect([...run.shardTaskOf.entries()].sort()).toEqual([
        ['example-aws--export', 'ScanShardAws'],
        ['example-azure--export', 'ScanShardAzure'],
        ['example-gcp--export', 'ScanShardGcp'],
        ['example-kubernetes--export', 'ScanShardKubernetes'],
      ]);
    expect(out).toMatchObject({ scanId: 'scan-w1', status: 'completed' });
    expect(out.counts).toMatchObject({ targets: 4, shards: 4, failedShards: 0, resolved: 0 });
    expect(out.counts.events).toBe(out.counts.opened + 4);
    expect(kinds(0).filter((k) => k === 'DriftDetected:example-aws')).toHaveLength(9);
    expect(kinds(0).filter((k) => k.startsWith('ScanCompleted'))).toHaveLength(4);
    expect(h.published.every((p) => p.source === 'driftwatch' && p.bus === 'driftwatch')).toBe(true);
  });

  it('a failing shard is retried, caught, and leaves its scope incomplete; a replayed Finalize emits nothing', async () => {
    const from = h.published.length;
    const run = execute(
      exampleConfig('fixed'),
      'scan-w2',
      '*',
      new Date('2026-03-02T09:00:00Z'),
      'example-aws',
    );
    const out = (await run.result) as { status: string; counts: Record<string, number> };
    expect(run.shardCalls.get('example-aws--export')).toBe(4);
    expect(run.shardCalls.get('example-gcp--export')).toBe(1);
    expect(out).toMatchObject({ status: 'completed', counts: { failedShards: 1, opened: 0 } });
    const seen = kinds(from);
    expect(seen.filter((k) => k.endsWith(':example-aws'))).toEqual(['ScanCompleted:example-aws']);
    expect(seen.filter((k) => k.startsWith('DriftResolved')).length).toBe(out.counts.resolved);
    expect(out.counts.resolved).toBeGreaterThan(0);
    const aws = await h.store.getScan('scan-w2.example-aws');
    expect(aws).toMatchObject({ status: 'completed', incompleteScopes: ['export'], resolved: 0, opened: 0 });
    expect(aws?.scopes[0]).toMatchObject({
      complete: false,
      reason: 'Lambda.ServiceException: Rate exceeded',
    });
    expect(aws?.summary).toMatchObject({ missing: 0, changed: 0, unmanaged: 0, complete: false });
    expect((await h.store.query({ target: 'example-aws', status: 'active', limit: 50 })).items).toHaveLength(
      9,
    );
    expect((await h.store.query({ target: 'example-gcp', status: 'active', limit: 50 })).items).toHaveLength(
      0,
    );

    const before = h.published.length;
    const replay = await createScanFinalizeHandler(h.deps(exampleConfig('fixed')))(
      run.finalizeInputs[0],
      lambdaContext('local'),
    );
    expect(replay).toMatchObject({ status: 'completed', counts: { events: 0 } });
    expect(h.published.length).toBe(before);
  });

  it('a failed Plan goes to ScanFailed and the execution fails', async () => {
    const from = h.published.length;
    const run = execute(exampleConfig('drifted'), 'scan-w3', 'nope', new Date('2026-03-02T10:00:00Z'));
    await expect(run.result).rejects.toThrow();
    expect(h.published.slice(from).map((p) => [p.detailType, p.detail.target, p.detail.error])).toEqual([
      [
        'ScanFailed',
        '*',
        'UsageError: unknown scan target "nope" (known: example-aws, example-azure, example-gcp, example-kubernetes)',
      ],
    ]);
    expect(await h.store.getScan('scan-w3')).toMatchObject({ status: 'failed' });
  });

  it('never lets a sensitive value into an event or a stored shard report', async () => {
    const texts = [JSON.stringify(h.published)];
    for (const scanId of ['scan-w1', 'scan-w2'])
      for (const t of ['example-aws', 'example-azure', 'example-gcp', 'example-kubernetes'])
        texts.push(
          JSON.stringify(await h.blobs.getJson(`reports/${scanId}/${t}--export.json`).catch(() => null)),
        );
    const events = texts[0] ?? '';
    expect(events).not.toContain('$sensitive');
    expect(events).not.toContain('"desired"');
    expect(events).not.toContain('"actual"');
    for (const text of texts) for (const s of EXAMPLE_SECRETS) expect(text).not.toContain(s);
    expect(events).toContain('"sensitive":true');
  });
});
