import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_WORKSPACE } from '../../shared/state-text/index.ts';

/** Key of a workspace's state, as Terraform's S3 backend writes it (`path.Join(prefix, ws, key)`). */
export function workspaceKey(key: string, workspace: string, prefix: string): string {
  if (workspace === DEFAULT_WORKSPACE) return key;
  return [prefix, workspace, key].filter((p) => p !== '').join('/');
}

/** The workspace a listed key belongs to, or null (Terraform's `keyEnv`). */
export function workspaceOf(listedKey: string, key: string, prefix: string): string | null {
  const rest =
    prefix === ''
      ? listedKey
      : listedKey.startsWith(`${prefix}/`)
        ? listedKey.slice(prefix.length + 1)
        : null;
  if (rest === null) return null;
  const slash = rest.indexOf('/');
  // The key itself may hold slashes (`network/terraform.tfstate`), the workspace name cannot.
  if (slash <= 0 || rest.slice(slash + 1) !== key) return null;
  return rest.slice(0, slash);
}

/**
 * Every workspace with a state under `<prefix>/`, listed page by page. No delimiter: with one, S3
 * would fold `env:/dev/…` into a common prefix and hide whether `<key>` exists below it.
 */
export async function listS3Workspaces(
  client: S3Client,
  bucket: string,
  key: string,
  prefix: string,
  pageSize = 1000,
): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix === '' ? '' : `${prefix}/`,
        MaxKeys: pageSize,
        ContinuationToken: token,
      }),
    );
    for (const obj of page.Contents ?? []) {
      const ws = obj.Key ? workspaceOf(obj.Key, key, prefix) : null;
      if (ws !== null) found.push(ws);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}
