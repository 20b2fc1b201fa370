import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { DriftwatchError } from '../../../core/model/errors.ts';
import type { StateDocument } from '../../../core/model/state-resource.ts';
import type { StateSource } from '../../../core/ports/state-source.ts';
import { newCounters, type ReadCounters } from '../../shared/state-cache/index.ts';
import {
  conditionalGet,
  type RemoteStateOptions,
  readRemoteState,
  readWorkspaces,
  WorkspaceListSchema,
} from '../../shared/state-text/index.ts';
import { type AzureClientOptions, createBlobServiceClient } from './azure-client.ts';
import { azureError, isNotModified } from './azure-errors.ts';
import { parseAzureBlobUrl } from './azure-url.ts';
import { listAzureWorkspaces, workspaceBlob } from './azure-workspaces.ts';

export interface AzureBlobStateSourceOptions extends RemoteStateOptions, AzureClientOptions {
  /** A ready client (tests); otherwise built from AZURE_STORAGE_CONNECTION_STRING or the account URL. */
  serviceClient?: BlobServiceClient;
}

/** Desired state from Terraform's azurerm backend: `azblob://account/container/key`, with workspaces. */
export class AzureBlobStateSource implements StateSource {
  readonly name: string;
  readonly counters: ReadCounters = newCounters();
  private readonly account: string;
  private readonly containerName: string;
  private readonly key: string;
  private readonly workspaces: string[];
  private containerClient: Promise<ContainerClient> | undefined;

  constructor(
    location: string,
    private readonly options: AzureBlobStateSourceOptions,
  ) {
    ({ account: this.account, container: this.containerName, blob: this.key } = parseAzureBlobUrl(location));
    this.name = location;
    this.workspaces = WorkspaceListSchema.parse(options.workspaces);
  }

  private container(): Promise<ContainerClient> {
    this.containerClient ??= (
      this.options.serviceClient
        ? Promise.resolve(this.options.serviceClient)
        : createBlobServiceClient(this.account, this.options)
    ).then((svc) => svc.getContainerClient(this.containerName));
    return this.containerClient;
  }

  async read(): Promise<StateDocument[]> {
    return readWorkspaces(
      this.workspaces,
      {
        list: async () => {
          try {
            return await listAzureWorkspaces(await this.container(), this.key, this.options.listPageSize);
          } catch (err) {
            throw azureError(err, this.name);
          }
        },
        read: (ws) => this.readBlob(workspaceBlob(this.key, ws)),
      },
      this.name,
    );
  }

  private async readBlob(blobName: string): Promise<StateDocument> {
    const url = `azblob://${this.account}/${this.containerName}/${blobName}`;
    const blob = (
      await this.container().catch((err) => {
        throw err instanceof DriftwatchError ? err : azureError(err, url);
      })
    ).getBlobClient(blobName);
    return readRemoteState({
      url,
      options: this.options,
      counters: this.counters,
      toError: azureError,
      fetch: (ifNoneMatch) =>
        conditionalGet(ifNoneMatch, isNotModified, async () => {
          const res = await blob.download(0, undefined, {
            conditions: ifNoneMatch ? { ifNoneMatch } : undefined,
            maxRetryRequests: 3, // resume a large body from where a dropped connection left it
          });
          if (!res.readableStreamBody) throw new Error('the response had no body');
          const chunks = res.readableStreamBody as AsyncIterable<Uint8Array>;
          return {
            notModified: false,
            etag: res.etag ?? null,
            body: { size: res.contentLength ?? null, chunks },
          };
        }),
    });
  }
}
