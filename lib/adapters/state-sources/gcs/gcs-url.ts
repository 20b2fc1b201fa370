import { UsageError } from '../../../core/model/errors.ts';

export interface GcsLocation {
  bucket: string;
  /** The backend's `prefix`, with a trailing slash when not empty (as Terraform normalises it). */
  prefix: string;
}

/** Splits `gs://bucket/some/prefix` (the gcs backend's bucket and prefix; the prefix may be empty). */
export function parseGcsUrl(url: string): GcsLocation {
  const m = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!m) throw new UsageError('expected gs://<bucket>/<prefix>', url);
  const [, bucket = '', raw = ''] = m;
  if (!/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(bucket))
    throw new UsageError(`"${bucket}" is not a valid Cloud Storage bucket name`, url);
  if (raw.endsWith('.tfstate'))
    throw new UsageError(
      'give the backend prefix, not a .tfstate object (states are <prefix>/<workspace>.tfstate)',
      url,
    );
  return { bucket, prefix: raw === '' || raw.endsWith('/') ? raw : `${raw}/` };
}

/** Object name of a workspace's state: `<prefix><workspace>.tfstate` (Terraform's `stateFile`). */
export function workspaceObject(prefix: string, workspace: string): string {
  return `${prefix}${workspace}.tfstate`;
}
