import type { ContainerClient } from '@azure/storage-blob';
import { DEFAULT_WORKSPACE } from '../../shared/state-text/index.ts';

// The azurerm backend appends this to the key: `<key>env:<workspace>` (a blob, not a folder).
const ENV_SEPARATOR = 'env:';

/** Blob name of a workspace's state, as Terraform's azurerm backend writes it. */
export function workspaceBlob(key: string, workspace: string): string {
  return workspace === DEFAULT_WORKSPACE ? key : `${key}${ENV_SEPARATOR}${workspace}`;
}

/** Every workspace with a state blob `<key>env:<ws>`, listed page by page (Terraform's `Workspaces`). */
export async function listAzureWorkspaces(
  container: ContainerClient,
  key: string,
  pageSize = 5000,
): Promise<string[]> {
  const prefix = `${key}${ENV_SEPARATOR}`;
  const found: string[] = [];
  for await (const page of container.listBlobsFlat({ prefix }).byPage({ maxPageSize: pageSize })) {
    for (const blob of page.segment.blobItems) {
      const ws = blob.name.slice(prefix.length);
      // The state is a blob named after the workspace; anything with a slash is some other object.
      if (blob.name.startsWith(prefix) && ws !== '' && !ws.includes('/')) found.push(ws);
    }
  }
  return found;
}
