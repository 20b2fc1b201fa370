import { describe, expect, it } from 'vitest';
import {
  type Approval,
  ApprovalConflictError,
  ApprovalViewSchema,
  approvalView,
  decide,
  effectiveStatus,
  remediationHistoryWrite,
} from '../../../../lib/core/remediation/index.ts';
import { record } from './fixtures.ts';

const NOW = new Date('2026-03-14T12:00:00.000Z');
const approval = (p: Partial<Approval> = {}): Approval => ({
  id: 'rem-1',
  driftId: 'ZHJpZnQ',
  target: 'prod-eu',
  executor: 'revert-tags',
  dryRun: true,
  status: 'pending',
  requestedAt: '2026-03-14T11:00:00.000Z',
  expiresAt: '2026-03-17T11:00:00.000Z',
  summary: 'revert-tags (dry run) …',
  taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAWx0b2tlbi1zZWNyZXQ=',
  ...p,
});

describe('approval transitions', () => {
  it('approves a pending approval with who, when and comment', () => {
    expect(
      decide(approval(), { decision: 'approve', by: 'arn:aws:iam::1:user/al', comment: 'ok' }, NOW),
    ).toEqual(
      approval({
        status: 'approved',
        decidedBy: 'arn:aws:iam::1:user/al',
        decidedAt: NOW.toISOString(),
        comment: 'ok',
      }),
    );
    expect(decide(approval(), { decision: 'reject', by: 'bo' }, NOW).status).toBe('rejected');
  });

  it('refuses a second decision and a decision after expiry (409)', () => {
    const decided = decide(approval(), { decision: 'approve', by: 'al' }, NOW);
    expect(() => decide(decided, { decision: 'reject', by: 'bo' }, NOW)).toThrow(ApprovalConflictError);
    const late = approval({ expiresAt: '2026-03-14T12:00:00.000Z' });
    expect(effectiveStatus(late, NOW)).toBe('expired');
    expect(() => decide(late, { decision: 'approve', by: 'al' }, NOW)).toThrow(
      'rem-1: approval is expired, not pending',
    );
  });

  it('never shows the task token', () => {
    const view = approvalView(approval());
    expect(view).not.toHaveProperty('taskToken');
    expect(ApprovalViewSchema.parse({ ...approval() })).not.toHaveProperty('taskToken');
  });
});

describe('remediationHistoryWrite', () => {
  it('appends one event with a deterministic key, conditional on the version read', () => {
    const r = record();
    const w = remediationHistoryWrite(r, {
      type: 'remediation_approved',
      remediationId: 'rem-1',
      at: NOW.toISOString(),
      actor: 'al',
      reason: 'approved',
    });
    expect(w.expectedVersion).toBe(4);
    expect(w.record).toEqual({ ...r, version: 5 });
    expect(w.events).toEqual([
      {
        driftId: r.id,
        eventId: '2026-03-14T12:00:00.000Z#rem-1#remediation_approved',
        type: 'remediation_approved',
        at: NOW.toISOString(),
        actor: 'al',
        status: 'active',
        severity: 'high',
        reason: 'approved',
      },
    ]);
  });
});
