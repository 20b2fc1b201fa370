import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CRC32C } from '@google-cloud/storage';

// A small Cloud Storage JSON API (v1) fake: object metadata, media download, list with
// prefix/delimiter/pageToken, in the real wire format (string int64s, base64 hashes, error bodies).
// @google-cloud/storage sends requests to `$STORAGE_EMULATOR_HOST/b/...` (no /storage/v1), the
// real service to /storage/v1/b/... and /download/storage/v1/b/...: all three are served.

interface StoredObject {
  body: Buffer;
  generation: string;
  metageneration: string;
  created: string;
}

export interface FakeGcs {
  /** http://127.0.0.1:<port>, the value for STORAGE_EMULATOR_HOST. */
  host: string;
  /** `METHOD path?query` of every request, in order. */
  requests: string[];
  createBucket(name: string): void;
  /** Writes an object (a new generation each time, as GCS does). */
  put(bucket: string, name: string, body: string | Buffer): StoredObject;
  /** Answers every request on `bucket` with this status (401 or 403), as IAM would. */
  deny(bucket: string, status: 401 | 403): void;
  close(): Promise<void>;
}

const API = /^\/(?:download\/)?(?:storage\/v1\/)?b\/([^/]+)\/o(?:\/(.+))?$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, reason: string, message: string): void {
  const extra = status === 401 ? { locationType: 'header', location: 'Authorization' } : {};
  sendJson(res, status, {
    error: { code: status, message, errors: [{ message, domain: 'global', reason, ...extra }] },
  });
}

// GCS object etags are base64 protobuf of (generation, metageneration): field 1 and field 2 varints.
function etagOf(obj: StoredObject): string {
  const varint = (n: bigint) => {
    const out: number[] = [];
    let v = n;
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      out.push(b);
    } while (v > 0n);
    return out;
  };
  const bytes = [0x08, ...varint(BigInt(obj.generation)), 0x10, ...varint(BigInt(obj.metageneration))];
  return Buffer.from(bytes).toString('base64');
}

function hashes(body: Buffer): { md5: string; crc32c: string } {
  const crc = new CRC32C();
  crc.update(body);
  return { md5: createHash('md5').update(body).digest('base64'), crc32c: crc.toString() };
}

function resource(host: string, bucket: string, name: string, obj: StoredObject): Record<string, unknown> {
  const enc = encodeURIComponent(name);
  const { md5, crc32c } = hashes(obj.body);
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${obj.generation}`,
    selfLink: `${host}/storage/v1/b/${bucket}/o/${enc}`,
    mediaLink: `${host}/download/storage/v1/b/${bucket}/o/${enc}?generation=${obj.generation}&alt=media`,
    name,
    bucket,
    generation: obj.generation,
    metageneration: obj.metageneration,
    contentType: 'application/json',
    storageClass: 'STANDARD',
    size: String(obj.body.length),
    md5Hash: md5,
    crc32c,
    etag: etagOf(obj),
    timeCreated: obj.created,
    updated: obj.created,
    timeStorageClassUpdated: obj.created,
    timeFinalized: obj.created,
  };
}

/** Starts the fake on 127.0.0.1:0. */
export async function startFakeGcs(): Promise<FakeGcs> {
  const buckets = new Map<string, Map<string, StoredObject>>();
  const denied = new Map<string, 401 | 403>();
  const requests: string[] = [];
  let clock = 1_732_400_000_000_000n; // GCS generations are microsecond timestamps
  let host = '';

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const m = API.exec(url.pathname);
    if (!m || req.method !== 'GET') return sendError(res, 404, 'notFound', 'Not Found');
    const bucket = decodeURIComponent(m[1] ?? '');
    const name = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
    const deny = denied.get(bucket);
    if (deny === 401) return sendError(res, 401, 'authError', 'Invalid Credentials');
    if (deny === 403) {
      const perm = name === undefined ? 'storage.objects.list' : 'storage.objects.get';
      const what = name === undefined ? `bucket ${bucket}` : `object ${bucket}/${name}`;
      return sendError(
        res,
        403,
        'forbidden',
        `driftwatch-reader@demo-project.iam.gserviceaccount.com does not have ${perm} access to the Google Cloud Storage ${what}. Permission '${perm}' denied on resource (or it may not exist).`,
      );
    }
    const objects = buckets.get(bucket);
    if (!objects) return sendError(res, 404, 'notFound', 'The specified bucket does not exist.');
    if (name === undefined) return list(res, bucket, objects, url.searchParams);
    const obj = objects.get(name);
    const wanted = url.searchParams.get('generation');
    if (!obj || (wanted !== null && wanted !== obj.generation))
      return sendError(res, 404, 'notFound', `No such object: ${bucket}/${name}`);
    if (url.searchParams.get('ifGenerationNotMatch') === obj.generation) {
      res.writeHead(304);
      return res.end();
    }
    if (url.searchParams.get('alt') !== 'media') return sendJson(res, 200, resource(host, bucket, name, obj));
    const { md5, crc32c } = hashes(obj.body);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': obj.body.length,
      etag: etagOf(obj),
      'x-goog-generation': obj.generation,
      'x-goog-metageneration': obj.metageneration,
      'x-goog-stored-content-encoding': 'identity',
      'x-goog-stored-content-length': String(obj.body.length),
      'x-goog-hash': `crc32c=${crc32c},md5=${md5}`,
      'x-goog-storage-class': 'STANDARD',
    });
    res.end(obj.body);
  };

  const list = (
    res: ServerResponse,
    bucket: string,
    objects: Map<string, StoredObject>,
    q: URLSearchParams,
  ) => {
    const prefix = q.get('prefix') ?? '';
    const delimiter = q.get('delimiter') ?? '';
    const max = Math.min(Number(q.get('maxResults') ?? 1000), 1000);
    const after = q.get('pageToken') ? Buffer.from(q.get('pageToken') ?? '', 'base64').toString('utf8') : '';
    // Entries (objects and folded prefixes) in name order, as GCS returns them.
    const entries = new Map<string, { prefix: string } | { name: string }>();
    for (const name of [...objects.keys()].sort()) {
      if (!name.startsWith(prefix)) continue;
      const cut = delimiter ? name.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const p = name.slice(0, cut + delimiter.length);
        entries.set(p, { prefix: p });
      } else entries.set(name, { name });
    }
    const keys = [...entries.keys()].filter((k) => k > after);
    const page = keys.slice(0, max);
    const items = page.flatMap((k) => {
      const e = entries.get(k);
      const o = e && 'name' in e ? objects.get(e.name) : undefined;
      return o && e && 'name' in e ? [resource(host, bucket, e.name, o)] : [];
    });
    const prefixes = page.filter((k) => {
      const e = entries.get(k);
      return e !== undefined && 'prefix' in e;
    });
    const last = page[page.length - 1];
    sendJson(res, 200, {
      kind: 'storage#objects',
      ...(keys.length > max && last ? { nextPageToken: Buffer.from(last).toString('base64') } : {}),
      ...(prefixes.length ? { prefixes } : {}),
      ...(items.length ? { items } : {}),
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    requests,
    createBucket: (name) => {
      if (!buckets.has(name)) buckets.set(name, new Map());
    },
    put: (bucket, name, body) => {
      const objects = buckets.get(bucket);
      if (!objects) throw new Error(`fake GCS: no bucket ${bucket}`);
      clock += 1_000_123n;
      const obj: StoredObject = {
        body: Buffer.isBuffer(body) ? body : Buffer.from(body),
        generation: String(clock),
        metageneration: '1',
        created: new Date(Number(clock / 1000n)).toISOString(),
      };
      objects.set(name, obj);
      return obj;
    },
    deny: (bucket, status) => void denied.set(bucket, status),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
