import { DriftwatchError } from '../../../core/model/errors.ts';
import { firstLine, RemoteStateError } from '../../shared/state-text/index.ts';

interface GcsLikeError {
  code?: number | string;
  message?: string;
  errors?: Array<{ reason?: string }>;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);

/** One-line error for a failed Cloud Storage call on `url` (a gs:// URL). */
export function gcsError(err: unknown, url: string): DriftwatchError {
  if (err instanceof DriftwatchError) return err;
  const e = (err ?? {}) as GcsLikeError;
  const reason = e.errors?.[0]?.reason;
  const message = firstLine(e.message);
  if (e.code === 404) {
    if (/bucket does not exist/i.test(message))
      return new RemoteStateError('bucket not found (404 notFound)', url, 'no-container');
    return new RemoteStateError(`state not found (404 ${reason ?? 'notFound'})`, url, 'not-found');
  }
  if (e.code === 401)
    return new RemoteStateError(`credentials rejected (401 ${reason ?? 'authError'})`, url, 'credentials');
  if (e.code === 403)
    return new RemoteStateError(`access denied (403 ${reason ?? 'forbidden'})`, url, 'access-denied');
  // google-auth-library: no Application Default Credentials on this machine.
  if (/default credentials|could not refresh access token|invalid_grant/i.test(message))
    return new RemoteStateError(`credentials rejected (${message})`, url, 'credentials');
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code))
    return new RemoteStateError(`cannot reach Cloud Storage (${e.code})`, url);
  return new RemoteStateError(`cannot read the state (${e.code ?? 'error'}: ${message})`, url);
}
