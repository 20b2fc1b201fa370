import { DriftwatchError } from '../../../core/model/errors.ts';

/** Why a remote state could not be read; `not-found` lets a `*` workspace listing skip a gap. */
export type RemoteStateFailure = 'not-found' | 'no-container' | 'access-denied' | 'credentials' | 'other';

/** A remote state (S3, Azure Blob, GCS) could not be read: one line naming the URL. */
export class RemoteStateError extends DriftwatchError {
  constructor(
    message: string,
    url: string,
    readonly failure: RemoteStateFailure = 'other',
  ) {
    super(message, url);
  }
}

/** The first line of an SDK message, trimmed: SDKs put request ids and XML on the lines after. */
export function firstLine(message: unknown, max = 160): string {
  const text =
    String(message ?? '')
      .split(/\r?\n/, 1)[0]
      ?.trim() ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
