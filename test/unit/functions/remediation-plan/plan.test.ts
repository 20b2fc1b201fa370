import { describe, expect, it } from 'vitest';
import { remediationIdOf, runRemediationPlan } from '../../../../functions/remediation-plan/plan.ts';
import { driftRecord } from '../../api/fixtures.ts';
import { testDeps } from './fakes.ts';

const detail = (driftId: string) => ({
  eventId: `scan-1#${driftId}#opened`,
  at: '2026-03-14T11:00:00.000Z',
  driftId,
  target: 'prod-eu',
  provider: 'aws',
  type: 'aws_security_group',
  address: 'module.network.aws_security_group.web',
  resourceId: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f67890',
  kind: 'changed',
  category: 'SecurityChange',
  severity: 'high',
  status: 'active',
  changedPaths: [{ path: 'ingress.0.cidr_blocks.0', sensitive: false }],
  scanId: 'scan-1',
  reopened: false,
  reopenCount: 0,
  flapping: false,
});

describe('BuildPlan', () => {
  it('plans from the stored record with a deterministic remediation id', async () => {
    const deps = testDeps();
    deps.store.seed(driftRecord({ id: 'd1' }));
    const out = await runRemediationPlan({ detail: detail('d1') }, deps);
    expect(out.remediationId).toBe(remediationIdOf('scan-1#d1#opened'));
    expect(out.remediationId).toMatch(/^rem-[0-9a-f]{24}$/);
    expect(out).toMatchObject({
      driftId: 'd1',
      target: 'prod-eu',
      executor: 'terraform-pipeline',
      dryRun: true,
    });
    expect(out.plan.diff).toEqual([
      { path: 'ingress.0.cidr_blocks.0', desired: '10.0.0.0/16', actual: '0.0.0.0/0', sensitive: false },
      { path: 'tags.owner', desired: 'platform', actual: null, sensitive: false },
    ]);
    expect((await runRemediationPlan({ detail: detail('d1') }, deps)).remediationId).toBe(out.remediationId);
  });

  it('fails in one line for an unknown drift or a bad event', async () => {
    const deps = testDeps();
    await expect(runRemediationPlan({ detail: detail('gone') }, deps)).rejects.toThrow(
      'remediation plan input: drift gone is not in the store',
    );
    await expect(runRemediationPlan({ detail: { ...detail('d1'), kind: 'odd' } }, deps)).rejects.toThrow(
      /^remediation plan input: detail\.kind: /,
    );
  });
});
