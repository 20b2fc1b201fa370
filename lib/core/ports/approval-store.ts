import type { Approval, ApprovalStatus } from '../remediation/approval.ts';

/** Filters of GET /approvals. */
export interface ApprovalQuery {
  status?: ApprovalStatus;
  driftId?: string;
  limit: number;
}

/** Persistence of remediation approvals (the drift table, pk `APPROVAL#<id>`). */
export interface ApprovalStore {
  /** Stores a new approval; a second put of the same id is a no-op (a replayed workflow step). Returns the stored one. */
  create(approval: Approval): Promise<Approval>;
  get(id: string): Promise<Approval | undefined>;
  /** Newest first. */
  list(q: ApprovalQuery): Promise<Approval[]>;
  /**
   * Writes `next` only when the stored status is one of `from`; otherwise ApprovalConflictError.
   * This is what makes a second decision a 409 even when two arrive at once.
   */
  transition(next: Approval, from: readonly ApprovalStatus[]): Promise<Approval>;
}
