import { describe, expect, it } from 'vitest';
import { runRemediationApproval } from '../../../../functions/remediation-approval/approval.ts';
import { remediationFor } from '../../../../lib/core/remediation/index.ts';
import { driftRecord } from '../../api/fixtures.ts';
import { testDeps } from '../remediation-plan/fakes.ts';

const TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAAc2VjcmV0LXRhc2stdG9rZW4=';

describe('RequestApproval', () => {
  it('stores the approval with token and expiry, announces it without the token, and writes history', async () => {
    const deps = testDeps();
    const r = driftRecord({ id: 'd1' });
    deps.store.seed(r);
    const remediation = remediationFor('rem-1', r, deps.config.remediation);
    const out = await runRemediationApproval({ taskToken: TOKEN, remediation }, deps);
    expect(out).toEqual({ approvalId: 'rem-1', expiresAt: '2026-03-14T14:00:00.000Z' });
    expect(deps.approvals.items.get('rem-1')).toMatchObject({
      status: 'pending',
      taskToken: TOKEN,
      requestedAt: '2026-03-14T12:00:00.000Z',
    });
    expect(deps.published).toEqual([
      {
        detailType: 'RemediationRequested',
        detail: {
          eventId: 'rem-1#requested',
          at: '2026-03-14T12:00:00.000Z',
          remediationId: 'rem-1',
          driftId: 'd1',
          target: 'prod-eu',
          executor: 'terraform-pipeline',
          dryRun: true,
          approvalId: 'rem-1',
          summary: remediation.plan.summary,
          expiresAt: '2026-03-14T14:00:00.000Z',
        },
      },
    ]);
    expect(deps.store.events.get('d1')?.map((e) => [e.type, e.actor])).toEqual([
      ['remediation_requested', 'driftwatch'],
    ]);
    const everything = JSON.stringify([deps.published, deps.store.events.get('d1'), deps.logs]);
    expect(everything).not.toContain(TOKEN);
  });

  it('a replay keeps the first approval and republishes the same event id', async () => {
    const deps = testDeps();
    const r = driftRecord({ id: 'd1' });
    deps.store.seed(r);
    const remediation = remediationFor('rem-1', r, deps.config.remediation);
    await runRemediationApproval({ taskToken: TOKEN, remediation }, deps);
    deps.now = () => new Date('2026-03-14T12:05:00.000Z');
    await runRemediationApproval({ taskToken: TOKEN, remediation }, deps);
    expect(deps.published.map((e) => e.detail.eventId)).toEqual(['rem-1#requested', 'rem-1#requested']);
    expect(deps.store.events.get('d1')).toHaveLength(1);
  });
});
