import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';

export interface AzureClientOptions {
  /** Overrides `https://<account>.blob.core.windows.net` (sovereign clouds, private endpoints). */
  accountUrl?: string;
  /** Token credential; default DefaultAzureCredential (env, workload identity, managed identity, CLI). */
  credential?: TokenCredential;
}

/** The AccountName a connection string names, or null (SAS-only strings may name none). */
function connectionAccount(cs: string): string | null {
  return /(?:^|;)\s*AccountName=([^;]+)/i.exec(cs)?.[1]?.trim() ?? null;
}

/**
 * A blob service client for `account`: from AZURE_STORAGE_CONNECTION_STRING when it is for this
 * account (Azurite, access keys), else the account URL with a token credential.
 */
export async function createBlobServiceClient(
  account: string,
  opts: AzureClientOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<BlobServiceClient> {
  const cs = env.AZURE_STORAGE_CONNECTION_STRING;
  if (cs && !opts.accountUrl) {
    const named = connectionAccount(cs);
    if (named === null || named === account) return BlobServiceClient.fromConnectionString(cs);
  }
  const url = opts.accountUrl ?? `https://${account}.blob.core.windows.net`;
  // Loaded on first use only: @azure/identity is large and most runs read no Azure state.
  const credential = opts.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
  return new BlobServiceClient(url, credential);
}
