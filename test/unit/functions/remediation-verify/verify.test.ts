import { describe, expect, it } from 'vitest';
import { rescanDrift } from '../../../../functions/remediation-verify/rescan.ts';
import { runRemediationVerify } from '../../../../functions/remediation-verify/verify.ts';
import { runScan } from '../../../../lib/core/engine/index.ts';
import { driftId } from '../../../../lib/core/lifecycle/drift-id.ts';
import type { DriftRecord } from '../../../../lib/core/model/drift-record.ts';
import {
  createHasher,
  defaultClassifier,
  defaultRegistry,
  inventoryForShard,
  loadTargetDesired,
  planShards,
} from '../../../../lib/runtime/index.ts';
import { driftRecord } from '../../api/fixtures.ts';
import { testConfig, testDeps } from '../remediation-plan/fakes.ts';

/** The first changed drift of the bundled AWS example, as the store would keep it. */
async function exampleDrift(): Promise<DriftRecord> {
  const deps = testDeps();
  const target = deps.config.targets[0]!;
  const hasher = createHasher(await deps.hashKey());
  const ctx = { cwd: deps.cwd, hasher, env: {} };
  const shard = planShards(target)[0]!;
  const report = runScan({
    states: await loadTargetDesired(target, ctx),
    inventory: await inventoryForShard(target, shard, ctx).read(),
    registry: defaultRegistry(),
    hasher,
    classify: defaultClassifier,
    now: deps.now,
  });
  const d = report.drifts.find((x) => x.kind === 'changed')!;
  return driftRecord({
    id: driftId('example-aws', d),
    target: 'example-aws',
    kind: d.kind,
    address: d.address,
    resourceId: d.id,
    scope: d.scope,
    type: d.type,
  });
}

describe('Verify', () => {
  it('rescans the drift scope: still drifted against the drifted export, gone against the fixed one', async () => {
    const r = await exampleDrift();
    expect(await rescanDrift(r, testDeps())).toEqual({ stillDrifted: true, complete: true });
    const fixed = testDeps(testConfig({}, 'examples/aws/config-snapshot-fixed.json'));
    expect(await rescanDrift(r, fixed)).toEqual({ stillDrifted: false, complete: true });
  });

  it('verifies a live execution with the rescan, skips it for a dry run', async () => {
    const deps = testDeps();
    deps.store.seed(driftRecord({ id: 'd1' }));
    const base = {
      remediationId: 'rem-1',
      driftId: 'd1',
      target: 'prod-eu',
      executor: 'notify-only',
      dryRun: false,
      plan: { summary: 's', steps: [], diff: [] },
    };
    let rescans = 0;
    const rescan = async () => {
      rescans++;
      return { stillDrifted: false, complete: true };
    };
    const live = await runRemediationVerify(
      { ...base, execution: { executor: 'notify-only', dryRun: false, actions: [], ok: true } },
      { ...deps, rescan },
    );
    expect(live.verified).toBe(true);
    const incomplete = await runRemediationVerify(
      { ...base, execution: { executor: 'notify-only', dryRun: false, actions: [], ok: true } },
      { ...deps, rescan: async () => ({ stillDrifted: false, complete: false }) },
    );
    expect(incomplete.verified).toBe(false);
    const dry = await runRemediationVerify(
      { ...base, dryRun: true, execution: { executor: 'notify-only', dryRun: true, actions: [], ok: true } },
      { ...deps, rescan },
    );
    expect(dry.verified).toBe(false);
    expect(rescans).toBe(1);
  });
});
