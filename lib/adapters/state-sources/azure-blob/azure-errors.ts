import { DriftwatchError } from '../../../core/model/errors.ts';
import { firstLine, RemoteStateError } from '../../shared/state-text/index.ts';

interface AzureLikeError {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  details?: { errorCode?: string };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);

/** True when Azure answered 304 to an If-None-Match download. */
export function isNotModified(err: unknown): boolean {
  return (err as AzureLikeError)?.statusCode === 304;
}

/** One-line error for a failed Azure Blob call on `url` (an azblob:// URL). */
export function azureError(err: unknown, url: string): DriftwatchError {
  if (err instanceof DriftwatchError) return err;
  const e = (err ?? {}) as AzureLikeError;
  const code = e.details?.errorCode ?? e.code ?? e.name ?? 'Error';
  if (code === 'BlobNotFound')
    return new RemoteStateError('state not found (BlobNotFound)', url, 'not-found');
  if (code === 'ContainerNotFound')
    return new RemoteStateError('container not found (ContainerNotFound)', url, 'no-container');
  if (code === 'AuthenticationFailed' || e.statusCode === 401)
    return new RemoteStateError(`credentials rejected (${code})`, url, 'credentials');
  // @azure/identity: no credential could be found or none could get a token.
  if (
    e.name === 'CredentialUnavailableError' ||
    e.name === 'AuthenticationError' ||
    e.name === 'AggregateAuthenticationError'
  )
    return new RemoteStateError(`credentials rejected (${e.name})`, url, 'credentials');
  if (e.statusCode === 403) return new RemoteStateError(`access denied (${code})`, url, 'access-denied');
  if (e.statusCode === 404) return new RemoteStateError(`not found (${code})`, url, 'no-container');
  if (e.code && NETWORK_CODES.has(e.code))
    return new RemoteStateError(`cannot reach the storage account (${e.code})`, url);
  return new RemoteStateError(`cannot read the state (${code}: ${firstLine(e.message)})`, url);
}
