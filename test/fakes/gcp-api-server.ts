import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CRC32C } from '@google-cloud/storage';

/**
 * A local Cloud Asset Inventory (v1 REST) + Cloud Storage (JSON API media download) server for
 * tests and benchmarks. It answers what the real services answer: `GET /v1/{parent}/assets`
 * (`{assets, nextPageToken, readTime}`), `POST /v1/{parent}:exportAssets` → Operation,
 * `GET /v1/{operation}` and `GET [/storage/v1]/b/{bucket}/o/{object}?alt=media`, with Google's error
 * body `{"error":{"code","message","status"}}`. Faults are injected per API and parent.
 */

/** One Cloud Asset REST asset (camelCase, as listAssets returns it). */
export interface RestAsset {
  name: string;
  assetType: string;
  resource: {
    version: string;
    discoveryDocumentUri: string;
    discoveryName: string;
    parent: string;
    data: Record<string, unknown>;
    location: string;
  };
  ancestors: string[];
  updateTime: string;
}

/** Where a project sits: its ID, number and folder/organization ancestry. */
export interface ProjectRef {
  id: string;
  number: string;
  folder?: string;
  organization?: string;
}

const COMPUTE = 'https://www.googleapis.com/compute/v1';
const ancestors = (p: ProjectRef) => [
  `projects/${p.number}`,
  ...(p.folder ? [`folders/${p.folder}`] : []),
  ...(p.organization ? [`organizations/${p.organization}`] : []),
];
const resource = (
  p: ProjectRef,
  api: string,
  kind: string,
  location: string,
  data: Record<string, unknown>,
) => ({
  version: 'v1',
  discoveryDocumentUri: `https://www.googleapis.com/discovery/v1/apis/${api}/v1/rest`,
  discoveryName: kind,
  parent: `//cloudresourcemanager.googleapis.com/projects/${p.number}`,
  data,
  location,
});

/** `cloudresourcemanager.googleapis.com/Project` as Cloud Asset reports it (named by number). */
export function projectAsset(p: ProjectRef): RestAsset {
  const parent = p.folder ? `folders/${p.folder}` : `organizations/${p.organization}`;
  return {
    name: `//cloudresourcemanager.googleapis.com/projects/${p.number}`,
    assetType: 'cloudresourcemanager.googleapis.com/Project',
    resource: {
      version: 'v1',
      discoveryDocumentUri: 'https://cloudresourcemanager.googleapis.com/$discovery/rest?version=v1',
      discoveryName: 'Project',
      parent: `//cloudresourcemanager.googleapis.com/${parent}`,
      data: {
        createTime: '2023-01-09T11:22:33.444Z',
        labels: { env: 'prod' },
        lifecycleState: 'ACTIVE',
        name: p.id,
        parent: p.folder ? { id: p.folder, type: 'folder' } : { id: p.organization, type: 'organization' },
        projectId: p.id,
        projectNumber: p.number,
      },
      location: 'global',
    },
    ancestors: ancestors(p),
    updateTime: '2024-06-01T07:00:12.345678Z',
  };
}

/** `storage.googleapis.com/Bucket` (named `//storage.googleapis.com/<bucket>`: no project in the name). */
export function bucketAsset(
  p: ProjectRef,
  name: string,
  labels: Record<string, string> = { env: 'prod' },
): RestAsset {
  return {
    name: `//storage.googleapis.com/${name}`,
    assetType: 'storage.googleapis.com/Bucket',
    resource: resource(p, 'storage', 'Bucket', 'eu', {
      kind: 'storage#bucket',
      id: name,
      selfLink: `https://www.googleapis.com/storage/v1/b/${name}`,
      projectNumber: p.number,
      name,
      timeCreated: '2023-02-14T10:11:12.131Z',
      updated: '2024-05-20T08:09:10.111Z',
      metageneration: '3',
      location: 'EU',
      locationType: 'multi-region',
      storageClass: 'STANDARD',
      etag: 'CAM=',
      rpo: 'DEFAULT',
      versioning: { enabled: true },
      iamConfiguration: {
        bucketPolicyOnly: { enabled: true, lockedTime: '2023-05-15T10:11:12.131Z' },
        uniformBucketLevelAccess: { enabled: true, lockedTime: '2023-05-15T10:11:12.131Z' },
        publicAccessPrevention: 'enforced',
      },
      labels,
      softDeletePolicy: { retentionDurationSeconds: '604800', effectiveTime: '2024-03-01T08:00:00.000Z' },
      owner: { entity: `project-owners-${p.number}` },
    }),
    ancestors: ancestors(p),
    updateTime: '2024-05-20T08:09:10.111Z',
  };
}

/** `compute.googleapis.com/Instance` (named by project ID). */
export function instanceAsset(
  p: ProjectRef,
  name: string,
  zone = 'europe-west1-b',
  id = '4567890123456789012',
): RestAsset {
  const self = `${COMPUTE}/projects/${p.id}/zones/${zone}/instances/${name}`;
  return {
    name: `//compute.googleapis.com/projects/${p.id}/zones/${zone}/instances/${name}`,
    assetType: 'compute.googleapis.com/Instance',
    resource: resource(p, 'compute', 'Instance', zone, {
      kind: 'compute#instance',
      id,
      creationTimestamp: '2024-03-04T05:06:07.890-08:00',
      name,
      description: '',
      tags: { items: ['ssh', 'web'], fingerprint: '6smc4R4d39I=' },
      machineType: `${COMPUTE}/projects/${p.id}/zones/${zone}/machineTypes/e2-medium`,
      status: 'RUNNING',
      zone: `${COMPUTE}/projects/${p.id}/zones/${zone}`,
      canIpForward: false,
      networkInterfaces: [
        {
          kind: 'compute#networkInterface',
          network: `${COMPUTE}/projects/${p.id}/global/networks/shop-vpc`,
          subnetwork: `${COMPUTE}/projects/${p.id}/regions/europe-west1/subnetworks/shop-app`,
          networkIP: '10.10.1.5',
          name: 'nic0',
          fingerprint: 'Zt2aQ5jz7aY=',
          stackType: 'IPV4_ONLY',
        },
      ],
      disks: [
        {
          kind: 'compute#attachedDisk',
          type: 'PERSISTENT',
          mode: 'READ_WRITE',
          source: `${COMPUTE}/projects/${p.id}/zones/${zone}/disks/${name}`,
          deviceName: 'persistent-disk-0',
          index: 0,
          boot: true,
          autoDelete: true,
          interface: 'SCSI',
          diskSizeGb: '20',
        },
      ],
      metadata: {
        kind: 'compute#metadata',
        fingerprint: 'kJ3b9x0QeAE=',
        items: [{ key: 'enable-oslogin', value: 'TRUE' }],
      },
      serviceAccounts: [
        {
          email: `web-sa@${p.id}.iam.gserviceaccount.com`,
          scopes: ['https://www.googleapis.com/auth/cloud-platform'],
        },
      ],
      scheduling: {
        onHostMaintenance: 'MIGRATE',
        automaticRestart: true,
        preemptible: false,
        provisioningModel: 'STANDARD',
      },
      cpuPlatform: 'Intel Broadwell',
      labels: { env: 'prod', role: 'web' },
      labelFingerprint: 'vVt0aVwo6_s=',
      startRestricted: false,
      deletionProtection: false,
      shieldedInstanceConfig: { enableSecureBoot: false, enableVtpm: true, enableIntegrityMonitoring: true },
      fingerprint: '3bV1c2hJk0o=',
      lastStartTimestamp: '2024-03-04T05:06:21.117-08:00',
      selfLink: self,
    }),
    ancestors: ancestors(p),
    updateTime: '2024-06-02T13:14:15.161718Z',
  };
}

/** `compute.googleapis.com/Firewall` (global, named by project ID). */
export function firewallAsset(p: ProjectRef, name: string, sourceRanges = ['0.0.0.0/0']): RestAsset {
  return {
    name: `//compute.googleapis.com/projects/${p.id}/global/firewalls/${name}`,
    assetType: 'compute.googleapis.com/Firewall',
    resource: resource(p, 'compute', 'Firewall', 'global', {
      kind: 'compute#firewall',
      id: '3344556677889900112',
      creationTimestamp: '2023-02-14T02:07:08.901-08:00',
      name,
      description: 'HTTPS from anywhere to web',
      network: `${COMPUTE}/projects/${p.id}/global/networks/shop-vpc`,
      priority: 1000,
      sourceRanges,
      targetTags: ['web'],
      allowed: [{ IPProtocol: 'tcp', ports: ['443'] }],
      direction: 'INGRESS',
      logConfig: { enable: false },
      disabled: false,
      selfLink: `${COMPUTE}/projects/${p.id}/global/firewalls/${name}`,
    }),
    ancestors: ancestors(p),
    updateTime: '2023-02-14T10:07:09.003Z',
  };
}

/** The exportAssets NDJSON spelling of an asset (snake_case top level, data untouched). */
export function exportLine(a: RestAsset): string {
  const r = a.resource;
  return JSON.stringify({
    name: a.name,
    asset_type: a.assetType,
    resource: {
      version: r.version,
      discovery_document_uri: r.discoveryDocumentUri,
      discovery_name: r.discoveryName,
      parent: r.parent,
      data: r.data,
      location: r.location,
    },
    ancestors: a.ancestors,
    update_time: a.updateTime,
  });
}

export type GcpApi = 'listAssets' | 'exportAssets' | 'operations.get' | 'storage.read';
/**
 * An injected answer: an HTTP error in Google's error format, a request left unanswered, a proxy's
 * HTML error page, or `ok` (answer normally: lets a fault hit the second page, not the first).
 */
export type GcpFault = { status: number; message?: string } | 'hang' | 'html-502' | 'ok';

export interface RecordedRequest {
  api: GcpApi | 'unknown';
  method: string;
  path: string;
  query: URLSearchParams;
  parent: string;
  authorization: string | undefined;
  body: string;
  /** What the fake answered: 200, an error status, or 0 for a hang. */
  status: number;
}

interface ExportOp {
  name: string;
  parent: string;
  uri: string;
  assetTypes: string[];
  polls: number;
}

const RPC_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

// What the real service says (messages and details as Cloud Asset and the GFE send them).
function errorBody(status: number, parent: string, message?: string): Record<string, unknown> {
  const rpc = RPC_STATUS[status] ?? 'UNKNOWN';
  if (status === 403)
    return {
      error: {
        code: 403,
        message: message ?? 'Request denied by Cloud IAM.',
        status: rpc,
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [
              {
                description: 'To check permissions required for this RPC:',
                url: 'https://cloud.google.com/asset-inventory/docs/access-control#required_permissions',
              },
            ],
          },
        ],
      },
    };
  if (status === 429)
    return {
      error: {
        code: 429,
        message:
          message ??
          `Quota exceeded for quota metric 'List Assets requests' and limit 'List Assets requests per minute per project' of service 'cloudasset.googleapis.com' for consumer '${parent}'.`,
        status: rpc,
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RATE_LIMIT_EXCEEDED',
            domain: 'googleapis.com',
            metadata: {
              service: 'cloudasset.googleapis.com',
              quota_metric: 'cloudasset.googleapis.com/list_requests',
            },
          },
        ],
      },
    };
  const text =
    message ?? (status === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.');
  return { error: { code: status, message: text, status: rpc } };
}

const encodeToken = (offset: number) =>
  Buffer.from(JSON.stringify({ o: offset, v: 1 })).toString('base64url');
function decodeToken(token: string): number | undefined {
  try {
    const o = (JSON.parse(Buffer.from(token, 'base64url').toString()) as { o?: unknown }).o;
    return typeof o === 'number' ? o : undefined;
  } catch {
    return undefined;
  }
}

function storageHash(content: Buffer): string {
  const crc = new CRC32C();
  crc.update(content);
  return `crc32c=${crc.toString()},md5=${createHash('md5').update(content).digest('base64')}`;
}

/** A running fake; `stop()` closes every connection, hanging ones included. */
export interface GcpApiServer {
  /** `http://127.0.0.1:<port>`: the Cloud Asset endpoint, and (with /storage/v1) STORAGE_EMULATOR_HOST. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Assets a parent lists (a folder's list should hold its projects' assets and Project assets). */
  setAssets(parent: string, assets: RestAsset[]): void;
  /** Answers the next requests of `api` for `parent` ('*' = any) with these faults, in order. */
  inject(api: GcpApi, parent: string, faults: GcpFault[]): void;
  /** Answers every request of `api` for `parent` with this fault, for good. */
  always(api: GcpApi, parent: string, fault: GcpFault): void;
  /** Operations report done after this many operations.get (default 2). */
  exportPolls: number;
  /** Export operations of this parent finish with this error instead of writing the file. */
  failExport(parent: string, error: { code: number; message: string }): void;
  /** Delay before every answer (simulated network and service time). */
  latencyMs: number;
  /** Most requests that were open at the same time. */
  peakInFlight: number;
  /** Stored GCS objects: `gs://bucket/object` → content. */
  objects: Map<string, Buffer>;
  stop(): Promise<void>;
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startGcpApiServer(): Promise<GcpApiServer> {
  const assets = new Map<string, RestAsset[]>();
  const queued = new Map<string, GcpFault[]>();
  const permanent = new Map<string, GcpFault>();
  const exportErrors = new Map<string, { code: number; message: string }>();
  const ops = new Map<string, ExportOp>();
  const objects = new Map<string, Buffer>();
  const requests: RecordedRequest[] = [];
  let server: Server;

  const fake: GcpApiServer = {
    url: '',
    port: 0,
    requests,
    setAssets: (parent, list) => void assets.set(parent, list),
    inject: (api, parent, faults) =>
      void queued.set(`${api} ${parent}`, [...(queued.get(`${api} ${parent}`) ?? []), ...faults]),
    always: (api, parent, fault) => void permanent.set(`${api} ${parent}`, fault),
    exportPolls: 2,
    latencyMs: 0,
    peakInFlight: 0,
    failExport: (parent, error) => void exportErrors.set(parent, error),
    objects,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function faultFor(api: GcpApi, parent: string): GcpFault | undefined {
    for (const key of [`${api} ${parent}`, `${api} *`]) {
      const q = queued.get(key);
      if (q && q.length > 0) return q.shift();
      const p = permanent.get(key);
      if (p) return p;
    }
    return undefined;
  }

  function send(res: ServerResponse, rec: RecordedRequest, status: number, body: unknown): void {
    rec.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  function answerFault(res: ServerResponse, rec: RecordedRequest, fault: Exclude<GcpFault, 'ok'>): void {
    if (fault === 'hang') return; // never answered; stop() closes the socket
    if (fault === 'html-502') {
      rec.status = 502;
      res.writeHead(502, { 'content-type': 'text/html; charset=UTF-8' });
      res.end(
        '<!DOCTYPE html>\n<html lang=en><title>Error 502 (Server Error)!!1</title><p><b>502.</b> <ins>That’s an error.</ins></html>',
      );
      return;
    }
    send(res, rec, fault.status, errorBody(fault.status, rec.parent, fault.message));
  }

  function listAssets(res: ServerResponse, rec: RecordedRequest) {
    const q = rec.query;
    const contentType = q.get('contentType');
    if (contentType !== 'RESOURCE' && contentType !== '1')
      return send(
        res,
        rec,
        400,
        errorBody(400, rec.parent, 'This API only supports contentType RESOURCE here.'),
      );
    const types = q.getAll('assetTypes').flatMap((t) => t.split(','));
    const all = (assets.get(rec.parent) ?? []).filter(
      (a) => types.length === 0 || types.some((t) => new RegExp(`^(?:${t})$`).test(a.assetType)),
    );
    const size = Math.min(Number(q.get('pageSize') ?? 100) || 100, 1000);
    const token = q.get('pageToken') ?? '';
    const offset = token ? decodeToken(token) : 0;
    if (offset === undefined) return send(res, rec, 400, errorBody(400, rec.parent, 'Invalid page token.'));
    const page = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    send(res, rec, 200, {
      readTime: '2026-11-24T06:00:00.123456Z',
      assets: page,
      ...(more ? { nextPageToken: encodeToken(offset + size) } : {}),
    });
  }

  function exportAssets(res: ServerResponse, rec: RecordedRequest) {
    const body = JSON.parse(rec.body || '{}') as {
      assetTypes?: string[];
      outputConfig?: { gcsDestination?: { uri?: string } };
    };
    const uri = body.outputConfig?.gcsDestination?.uri ?? '';
    if (!/^gs:\/\/[^/]+\/.+/.test(uri))
      return send(res, rec, 400, errorBody(400, rec.parent, 'Invalid output_config: gcs_destination.uri'));
    if (objects.has(uri))
      return send(res, rec, 409, errorBody(409, rec.parent, `The object ${uri} already exists.`));
    const [kind, id] = rec.parent.split('/') as [string, string];
    const owner =
      kind === 'projects' ? (assets.get(rec.parent)?.[0]?.ancestors[0] ?? rec.parent) : rec.parent;
    const name = `${owner}/operations/ExportAssets/RESOURCE/${randomUUID().replace(/-/g, '')}`;
    ops.set(name, { name, parent: rec.parent, uri, assetTypes: body.assetTypes ?? [], polls: 0 });
    send(res, rec, 200, {
      name,
      metadata: {
        '@type': 'type.googleapis.com/google.cloud.asset.v1.ExportAssetsRequest',
        parent: `${kind}/${id}`,
        contentType: 'RESOURCE',
        outputConfig: { gcsDestination: { uri } },
      },
    });
  }

  function getOperation(res: ServerResponse, rec: RecordedRequest, name: string) {
    const op = ops.get(name);
    if (!op) return send(res, rec, 404, errorBody(404, rec.parent, `Operation ${name} not found.`));
    op.polls++;
    if (op.polls < fake.exportPolls)
      return send(res, rec, 200, {
        name,
        metadata: {
          '@type': 'type.googleapis.com/google.cloud.asset.v1.ExportAssetsRequest',
          parent: op.parent,
        },
      });
    const failure = exportErrors.get(op.parent);
    if (failure) return send(res, rec, 200, { name, done: true, error: failure });
    const types = op.assetTypes;
    const lines = (assets.get(op.parent) ?? [])
      .filter((a) => types.length === 0 || types.some((t) => new RegExp(`^(?:${t})$`).test(a.assetType)))
      .map((a) => `${exportLine(a)}\n`);
    objects.set(op.uri, Buffer.from(lines.join('')));
    send(res, rec, 200, {
      name,
      done: true,
      response: {
        '@type': 'type.googleapis.com/google.cloud.asset.v1.ExportAssetsResponse',
        readTime: '2026-11-24T06:00:00.123456Z',
        outputConfig: { gcsDestination: { uri: op.uri } },
        outputResult: { gcsResult: { uris: [op.uri] } },
      },
    });
  }

  function readObject(res: ServerResponse, rec: RecordedRequest, uri: string) {
    const content = objects.get(uri);
    if (!content) {
      const message = `No such object: ${uri.slice(5)}`;
      return send(res, rec, 404, {
        error: { code: 404, message, errors: [{ message, domain: 'global', reason: 'notFound' }] },
      });
    }
    rec.status = 200;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'x-goog-hash': storageHash(content),
      'x-goog-generation': '1732428000123456',
      'x-goog-stored-content-length': String(content.length),
      'x-goog-stored-content-encoding': 'identity',
    });
    // Several writes: the reader must cope with lines split across chunks.
    for (let i = 0; i < content.length; i += 65_536) res.write(content.subarray(i, i + 65_536));
    res.end();
  }

  function route(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const rec: RecordedRequest = {
      api: 'unknown',
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      parent: '',
      authorization: req.headers.authorization,
      body,
      status: 0,
    };
    requests.push(rec);
    const list = /^\/v1\/((?:projects|folders|organizations)\/[^/]+)\/assets$/.exec(path);
    const exp = /^\/v1\/((?:projects|folders|organizations)\/[^/:]+):exportAssets$/.exec(path);
    const op = /^\/v1\/(([^/]+\/[^/]+)\/operations\/.+)$/.exec(path);
    const obj = /^(?:\/download)?(?:\/storage\/v1)?\/b\/([^/]+)\/o\/(.+)$/.exec(path);
    let handler: () => void = () => send(res, rec, 404, errorBody(404, '', `Not found: ${path}`));
    if (list && rec.method === 'GET') {
      rec.api = 'listAssets';
      rec.parent = list[1]!;
      handler = () => listAssets(res, rec);
    } else if (exp && rec.method === 'POST') {
      rec.api = 'exportAssets';
      rec.parent = exp[1]!;
      handler = () => exportAssets(res, rec);
    } else if (op) {
      rec.api = 'operations.get';
      const name = op[1]!;
      rec.parent = ops.get(name)?.parent ?? op[2]!;
      handler = () => getOperation(res, rec, name);
    } else if (obj) {
      rec.api = 'storage.read';
      const uri = `gs://${obj[1]}/${obj[2]}`;
      rec.parent = [...ops.values()].find((o) => o.uri === uri)?.parent ?? uri;
      handler = () => readObject(res, rec, uri);
    }
    const fault = rec.api === 'unknown' ? undefined : faultFor(rec.api, rec.parent);
    if (fault && fault !== 'ok') answerFault(res, rec, fault);
    else handler();
  }

  let inFlight = 0;
  server = createServer((req, res) => {
    inFlight++;
    fake.peakInFlight = Math.max(fake.peakInFlight, inFlight);
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (fake.latencyMs > 0) setTimeout(() => route(req, res, body), fake.latencyMs);
      else route(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${fake.port}`;
  return fake;
}

type FetchInit = NonNullable<Parameters<typeof fetch>[1]>;

/** Credentials for tests: signs every request with a fixed bearer token, never touches ADC. */
export const fakeGcpAuth = {
  async getRequestHeaders() {
    return new Headers({ authorization: 'Bearer ya29.fake-test-token' });
  },
  async fetch(url: string, init: Record<string, unknown>) {
    const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('authorization', 'Bearer ya29.fake-test-token');
    return fetch(url, {
      method: init.method as string,
      headers,
      body: init.body as FetchInit['body'],
      signal: init.signal as AbortSignal | undefined,
    });
  },
};
