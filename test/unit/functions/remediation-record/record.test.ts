import { describe, expect, it } from 'vitest';
import { remediationIdOf } from '../../../../functions/remediation-plan/plan.ts';
import { runRemediationRecord } from '../../../../functions/remediation-record/record.ts';
import { driftRecord } from '../../api/fixtures.ts';
import { testDeps } from '../remediation-plan/fakes.ts';

describe('Record', () => {
  it('records a failed execution: approval failed, history and RemediationFailed with the error line', async () => {
    const deps = testDeps();
    deps.store.seed(driftRecord({ id: 'd1' }));
    deps.approvals.items.set('rem-1', {
      id: 'rem-1',
      driftId: 'd1',
      target: 'prod-eu',
      executor: 'revert-tags',
      dryRun: false,
      status: 'approved',
      requestedAt: '2026-03-14T11:00:00.000Z',
      expiresAt: '2026-03-14T13:00:00.000Z',
      summary: 's',
      taskToken: 't',
      decidedBy: 'al',
      decidedAt: '2026-03-14T11:30:00.000Z',
    });
    const cause = JSON.stringify({
      errorType: 'RemediationError',
      errorMessage: 'arn:aws:s3:::b: InvalidParameterException: denied',
      trace: ['at x'],
    });
    const out = await runRemediationRecord(
      {
        outcome: 'failed',
        remediation: {
          remediationId: 'rem-1',
          driftId: 'd1',
          target: 'prod-eu',
          executor: 'revert-tags',
          dryRun: false,
          error: { Error: 'RemediationError', Cause: cause },
        },
      },
      deps,
    );
    expect(out).toEqual({ remediationId: 'rem-1', outcome: 'failed', status: 'failed' });
    expect(deps.published).toEqual([
      {
        detailType: 'RemediationFailed',
        detail: {
          eventId: 'rem-1#failed',
          at: '2026-03-14T12:00:00.000Z',
          remediationId: 'rem-1',
          driftId: 'd1',
          target: 'prod-eu',
          executor: 'revert-tags',
          dryRun: false,
          error: 'RemediationError: arn:aws:s3:::b: InvalidParameterException: denied',
        },
      },
    ]);
    expect(deps.store.events.get('d1')?.map((e) => [e.type, e.actor, e.reason])).toEqual([
      [
        'remediation_failed',
        'driftwatch',
        'failed after approval by al at 2026-03-14T11:30:00.000Z: RemediationError: arn:aws:s3:::b: InvalidParameterException: denied',
      ],
    ]);
    expect(JSON.stringify(deps.published)).not.toContain('at x');
  });

  it('records a BuildPlan failure from the event alone', async () => {
    const deps = testDeps();
    deps.store.seed(driftRecord({ id: 'd1' }));
    const out = await runRemediationRecord(
      {
        outcome: 'failed',
        remediation: {
          detail: { eventId: 'scan-1#d1#opened', driftId: 'd1', target: 'prod-eu' },
          error: { Error: 'InvalidInputError', Cause: 'drift d1 is not in the store' },
        },
      },
      deps,
    );
    expect(out.remediationId).toBe(remediationIdOf('scan-1#d1#opened'));
    expect(deps.published[0]).toMatchObject({
      detailType: 'RemediationFailed',
      detail: {
        executor: 'revert-tags',
        dryRun: true,
        error: 'InvalidInputError: drift d1 is not in the store',
      },
    });
  });

  it('is replay-safe: a second Record of the same outcome writes the same history key', async () => {
    const deps = testDeps();
    deps.store.seed(driftRecord({ id: 'd1' }));
    deps.approvals.items.set('rem-1', {
      id: 'rem-1',
      driftId: 'd1',
      target: 'prod-eu',
      executor: 'revert-tags',
      dryRun: true,
      status: 'pending',
      requestedAt: '2026-03-14T11:00:00.000Z',
      expiresAt: '2026-03-14T13:00:00.000Z',
      summary: 's',
      taskToken: 't',
    });
    const input = {
      outcome: 'expired',
      remediation: {
        remediationId: 'rem-1',
        driftId: 'd1',
        target: 'prod-eu',
        executor: 'revert-tags',
        dryRun: true,
      },
    };
    await runRemediationRecord(input, deps);
    deps.now = () => new Date('2026-03-14T12:01:00.000Z');
    await runRemediationRecord(input, deps);
    expect(deps.store.events.get('d1')?.map((e) => e.eventId)).toEqual([
      '2026-03-14T12:00:00.000Z#rem-1#remediation_expired',
    ]);
    expect(deps.approvals.items.get('rem-1')).toMatchObject({
      status: 'expired',
      decidedBy: 'driftwatch',
      decidedAt: '2026-03-14T12:00:00.000Z',
    });
  });
});
