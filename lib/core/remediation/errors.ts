import { DriftwatchError } from '../model/errors.ts';

/** A decision on an approval that is no longer pending (already decided, or expired): HTTP 409. */
export class ApprovalConflictError extends DriftwatchError {
  constructor(
    readonly approvalId: string,
    readonly status: string,
  ) {
    super(`approval is ${status}, not pending`, approvalId);
  }
}

/** An executor could not do what the plan asks (missing input, refused call). */
export class RemediationError extends DriftwatchError {}
