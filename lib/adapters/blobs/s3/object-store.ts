import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DriftwatchError } from '../../../core/model/errors.ts';
import { createS3Client } from './client.ts';

/** An object the workflow expected (a manifest, a shard report) is not in the bucket, or not JSON. */
export class BlobReadError extends DriftwatchError {}

/** A tiny JSON / JSONL object store on one S3 bucket: scan manifests and shard reports. */
export class S3JsonStore {
  readonly bucket: string;
  readonly client: S3Client;

  constructor(opts: { bucket: string; client?: S3Client }) {
    this.bucket = opts.bucket;
    this.client = opts.client ?? createS3Client();
  }

  /** Writes one JSON document. */
  async putJson(key: string, value: unknown): Promise<void> {
    await this.put(key, JSON.stringify(value), 'application/json');
  }

  /** Writes one JSON value per line (the Distributed Map's JSONL ItemReader format). */
  async putJsonLines(key: string, values: Iterable<unknown>): Promise<void> {
    let body = '';
    for (const v of values) body += `${JSON.stringify(v)}\n`;
    await this.put(key, body, 'application/x-ndjson');
  }

  /** Reads one JSON document (unvalidated: the caller parses it with its zod schema). */
  async getJson(key: string): Promise<unknown> {
    const text = await (await this.body(key)).transformToString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      throw new BlobReadError('is not valid JSON', `s3://${this.bucket}/${key}`);
    }
  }

  /** Reads a JSONL object line by line without holding the whole object in memory. */
  async *getJsonLines(key: string): AsyncGenerator<unknown> {
    const body = await this.body(key);
    const lines = createInterface({ input: body as Readable, crlfDelay: Number.POSITIVE_INFINITY });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line);
      } catch {
        throw new BlobReadError(`line ${n} is not valid JSON`, `s3://${this.bucket}/${key}`);
      }
    }
  }

  private async put(key: string, body: string, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  private async body(key: string) {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) throw new BlobReadError('has no body', `s3://${this.bucket}/${key}`);
      return out.Body as Readable & { transformToString(enc: string): Promise<string> };
    } catch (err) {
      if (err instanceof Error && (err.name === 'NoSuchKey' || err.name === 'NotFound'))
        throw new BlobReadError('does not exist', `s3://${this.bucket}/${key}`);
      throw err;
    }
  }
}
