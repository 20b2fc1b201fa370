import { type Bucket, Storage } from '@google-cloud/storage';
import type { StateDocument } from '../../../core/model/state-resource.ts';
import type { StateSource } from '../../../core/ports/state-source.ts';
import { newCounters, type ReadCounters } from '../../shared/state-cache/index.ts';
import {
  type RemoteStateOptions,
  readRemoteState,
  readWorkspaces,
  WorkspaceListSchema,
} from '../../shared/state-text/index.ts';
import { gcsError } from './gcs-errors.ts';
import { parseGcsUrl, workspaceObject } from './gcs-url.ts';
import { listGcsWorkspaces } from './gcs-workspaces.ts';

export interface GcsStateSourceOptions extends RemoteStateOptions {
  /** A ready client; otherwise `new Storage()` (ADC, or STORAGE_EMULATOR_HOST without auth). */
  storage?: Storage;
}

/** Desired state from Terraform's gcs backend: `gs://bucket/prefix`, `<prefix>/<workspace>.tfstate`. */
export class GcsStateSource implements StateSource {
  readonly name: string;
  readonly counters: ReadCounters = newCounters();
  private readonly bucketName: string;
  private readonly prefix: string;
  private readonly workspaces: string[];
  private bucketInstance: Bucket | undefined;

  constructor(
    location: string,
    private readonly options: GcsStateSourceOptions,
  ) {
    ({ bucket: this.bucketName, prefix: this.prefix } = parseGcsUrl(location));
    this.name = location;
    this.workspaces = WorkspaceListSchema.parse(options.workspaces);
  }

  private get bucket(): Bucket {
    // Storage itself honours STORAGE_EMULATOR_HOST (and then sends no credentials).
    this.bucketInstance ??= (this.options.storage ?? new Storage()).bucket(this.bucketName);
    return this.bucketInstance;
  }

  async read(): Promise<StateDocument[]> {
    return readWorkspaces(
      this.workspaces,
      {
        list: () =>
          listGcsWorkspaces(this.bucket, this.prefix, this.options.listPageSize).catch((err) => {
            throw gcsError(err, this.name);
          }),
        read: (ws) => this.readObject(workspaceObject(this.prefix, ws)),
      },
      this.name,
    );
  }

  private async readObject(objectName: string): Promise<StateDocument> {
    const url = `gs://${this.bucketName}/${objectName}`;
    // Metadata first (small JSON): its generation says whether the cached parse still holds,
    // and pinning the download to it means the body is exactly the version we keyed on.
    const [meta] = await this.bucket
      .file(objectName)
      .getMetadata()
      .catch((err: unknown) => {
        throw gcsError(err, url);
      });
    const generation = String(meta.generation ?? '');
    const etag = generation ? `generation:${generation}` : null;
    return readRemoteState({
      url,
      options: this.options,
      counters: this.counters,
      toError: gcsError,
      fetch: async (ifNoneMatch) => {
        if (etag !== null && ifNoneMatch === etag) return { notModified: true };
        const file = this.bucket.file(objectName, generation ? { generation } : {});
        const size = meta.size === undefined ? null : Number(meta.size);
        return { notModified: false, etag, body: { size, chunks: file.createReadStream() } };
      },
    });
  }
}
