import { DriftwatchError } from '../../../core/model/errors.ts';
import { firstLine, RemoteStateError } from '../../shared/state-text/index.ts';

const CREDENTIAL_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'CredentialsProviderError',
  'InvalidClientTokenId',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);

/** True when the SDK error is S3's 304 answer to If-None-Match. */
export function isNotModified(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.$metadata?.httpStatusCode === 304 || e?.name === 'NotModified';
}

/** One-line error for a failed S3 call on `url` (an s3:// URL), without SDK stack or XML. */
export function s3Error(err: unknown, url: string): DriftwatchError {
  if (err instanceof DriftwatchError) return err;
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e?.name ?? 'Error';
  const status = e?.$metadata?.httpStatusCode;
  if (name === 'NoSuchKey' || (name === 'NotFound' && status === 404))
    return new RemoteStateError(`state not found (${name})`, url, 'not-found');
  if (name === 'NoSuchBucket')
    return new RemoteStateError('bucket not found (NoSuchBucket)', url, 'no-container');
  if (CREDENTIAL_ERRORS.has(name))
    return new RemoteStateError(`credentials rejected (${name})`, url, 'credentials');
  if (name === 'AccessDenied' || name === 'AllAccessDisabled' || status === 403)
    return new RemoteStateError(`access denied (${name})`, url, 'access-denied');
  if (e?.code && NETWORK_CODES.has(e.code))
    return new RemoteStateError(`cannot reach the S3 endpoint (${e.code})`, url);
  return new RemoteStateError(`cannot read the state (${name}: ${firstLine(e?.message)})`, url);
}
