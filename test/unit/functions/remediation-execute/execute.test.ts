import { describe, expect, it } from 'vitest';
import { runRemediationExecute } from '../../../../functions/remediation-execute/execute.ts';
import { NotifyOnlyExecutor } from '../../../../lib/adapters/remediation/notify-only/index.ts';
import { remediationFor } from '../../../../lib/core/remediation/index.ts';
import { driftRecord } from '../../api/fixtures.ts';
import { testConfig, testDeps } from '../remediation-plan/fakes.ts';

function setup(status: 'pending' | 'approved') {
  const deps = {
    ...testDeps(testConfig({ executor: 'notify-only' })),
    executors: { 'notify-only': new NotifyOnlyExecutor() },
  };
  const r = driftRecord({ id: 'd1' });
  deps.store.seed(r);
  const remediation = remediationFor('rem-1', r, deps.config.remediation);
  deps.approvals.items.set('rem-1', {
    id: 'rem-1',
    driftId: 'd1',
    target: 'prod-eu',
    executor: 'notify-only',
    dryRun: true,
    status,
    requestedAt: '2026-03-14T11:00:00.000Z',
    expiresAt: '2026-03-14T13:00:00.000Z',
    summary: 's',
    taskToken: 't',
    ...(status === 'approved' ? { decidedBy: 'al', decidedAt: '2026-03-14T11:30:00.000Z' } : {}),
  });
  return { deps, input: { ...remediation, approval: { decision: 'approve', approver: 'al' } } };
}

describe('Execute', () => {
  it('runs the executor of an approved remediation and announces the approval', async () => {
    const { deps, input } = setup('approved');
    const out = await runRemediationExecute(input, deps);
    expect(out.execution).toEqual({
      executor: 'notify-only',
      dryRun: true,
      ok: true,
      actions: [
        {
          action: 'notify',
          resource: 'module.network.aws_security_group.web',
          description: 'owners of prod-eu are notified through the remediation events',
          applied: false,
        },
      ],
    });
    expect(out.approval).toEqual({ decision: 'approve', approver: 'al' });
    expect(deps.published.map((e) => [e.detailType, e.detail.eventId])).toEqual([
      ['RemediationApproved', 'rem-1#approved'],
    ]);
  });

  it('refuses a remediation whose stored approval is not approved', async () => {
    const { deps, input } = setup('pending');
    await expect(runRemediationExecute(input, deps)).rejects.toThrow(
      'rem-1: approval is pending, not approved',
    );
    expect(deps.published).toEqual([]);
  });
});
