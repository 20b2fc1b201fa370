import type { Bucket } from '@google-cloud/storage';
import { DEFAULT_WORKSPACE } from '../../shared/state-text/index.ts';

/**
 * Workspaces with a `<prefix><ws>.tfstate` object, as Terraform's gcs backend lists them: one level
 * only (delimiter `/`), page by page.
 */
export async function listGcsWorkspaces(bucket: Bucket, prefix: string, pageSize = 1000): Promise<string[]> {
  const found: string[] = [];
  let pageToken: string | undefined;
  do {
    const [files, next] = await bucket.getFiles({
      prefix,
      delimiter: '/',
      autoPaginate: false,
      maxResults: pageSize,
      pageToken,
    });
    for (const file of files) {
      const base = file.name.slice(file.name.lastIndexOf('/') + 1);
      if (!base.endsWith('.tfstate')) continue; // `.tflock` files and anything else
      const ws = base.slice(0, -'.tfstate'.length);
      if (ws !== '' && ws !== DEFAULT_WORKSPACE) found.push(ws);
    }
    pageToken = (next as { pageToken?: string } | null)?.pageToken;
  } while (pageToken);
  return found;
}
