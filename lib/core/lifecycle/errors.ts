import { DriftwatchError } from '../model/errors.ts';

/** A lifecycle action that the record's state does not allow (acknowledging a resolved drift ...). */
export class LifecycleError extends DriftwatchError {
  constructor(
    message: string,
    readonly driftId?: string,
  ) {
    super(message, driftId);
  }
}
