import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
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
import { createS3Client } from './s3-client.ts';
import { isNotModified, s3Error } from './s3-errors.ts';
import { parseS3Url } from './s3-url.ts';
import { listS3Workspaces, workspaceKey } from './s3-workspaces.ts';

export interface S3StateSourceOptions extends RemoteStateOptions {
  /** A ready client (tests, custom credentials); otherwise one is built from the environment. */
  client?: S3Client;
  region?: string;
  /** The backend's `workspace_key_prefix` (default `env:`). */
  workspaceKeyPrefix?: string;
}

/** Desired state from Terraform's S3 backend: `s3://bucket/key`, default and named workspaces. */
export class S3StateSource implements StateSource {
  readonly name: string;
  readonly counters: ReadCounters = newCounters();
  private readonly bucket: string;
  private readonly key: string;
  private readonly prefix: string;
  private readonly workspaces: string[];
  private clientInstance: S3Client | undefined;

  constructor(
    location: string,
    private readonly options: S3StateSourceOptions,
  ) {
    ({ bucket: this.bucket, key: this.key } = parseS3Url(location));
    this.name = location;
    this.prefix = options.workspaceKeyPrefix ?? 'env:';
    this.workspaces = WorkspaceListSchema.parse(options.workspaces);
    this.clientInstance = options.client;
  }

  private get client(): S3Client {
    this.clientInstance ??= createS3Client({ region: this.options.region });
    return this.clientInstance;
  }

  async read(): Promise<StateDocument[]> {
    return readWorkspaces(
      this.workspaces,
      {
        list: () =>
          listS3Workspaces(this.client, this.bucket, this.key, this.prefix, this.options.listPageSize).catch(
            (err) => {
              throw s3Error(err, this.name);
            },
          ),
        read: (ws) => this.readObject(workspaceKey(this.key, ws, this.prefix)),
      },
      this.name,
    );
  }

  private readObject(key: string): Promise<StateDocument> {
    return readRemoteState({
      url: `s3://${this.bucket}/${key}`,
      options: this.options,
      counters: this.counters,
      toError: s3Error,
      fetch: (ifNoneMatch) =>
        conditionalGet(ifNoneMatch, isNotModified, async () => {
          const out = await this.client.send(
            new GetObjectCommand({ Bucket: this.bucket, Key: key, IfNoneMatch: ifNoneMatch }),
          );
          if (!out.Body) throw new Error('the response had no body');
          const chunks = out.Body as AsyncIterable<Uint8Array>;
          return {
            notModified: false,
            etag: out.ETag ?? null,
            body: { size: out.ContentLength ?? null, chunks },
          };
        }),
    });
  }
}
