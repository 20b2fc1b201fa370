import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local AWS endpoint speaking the real wire protocols, so the real SDK (signing, retry
 * middleware, error parsing) runs against it: AWS Config (JSON 1.1, `StarlingDoveService.*`), Cloud
 * Control (JSON 1.0, `CloudApiService.*`) and STS (query protocol, XML). The account of a call comes
 * from the access key it was signed with (AssumeRole hands out keys per account), the region from
 * the signature's credential scope. Faults (throttling, 5xx, AccessDenied, hangs) are injected.
 */

export type FakeService = 'config' | 'cloudcontrol' | 'sts';

/** A configuration recorder with its status, as DescribeConfigurationRecorders/Status return them. */
export interface FakeRecorder {
  name: string;
  recordingGroup: Record<string, unknown>;
  recording: boolean;
  lastStatus?: 'Pending' | 'Success' | 'Failure';
  recordingScope?: 'PAID' | 'INTERNAL';
}

/** One account+region: its Config items (every selectable property), recorders and Cloud Control resources. */
export interface FakeScope {
  account: string;
  region: string;
  items: Record<string, unknown>[];
  recorders: FakeRecorder[];
  cloudControl?: Record<string, Array<{ Identifier: string; Properties: Record<string, unknown> }>>;
  /** ListResources returns only the primary identifier property (like many list handlers). */
  cloudControlListIdentifierOnly?: string;
}

export interface FakeAggregator {
  name: string;
  /** AggregatedSourceStatusList entries as returned. */
  sources: Array<Record<string, unknown>>;
}

export interface FakeWorld {
  /** Account the base (non-assumed) credentials belong to. */
  baseAccount: string;
  scopes: FakeScope[];
  aggregators?: FakeAggregator[];
  /** Results per page when the caller asks for more (real Config pages at 100). */
  configPageSize?: number;
  cloudControlPageSize?: number;
}

/** A request the server answered (or hung on). */
export interface RecordedCall {
  service: FakeService;
  operation: string;
  account: string;
  region: string;
  params: Record<string, unknown>;
  at: number;
}

/** A fault for matching requests: an AWS error response, or no response at all. */
export interface Fault {
  service?: FakeService;
  operation?: string;
  /** For STS AssumeRole: the account of the role being assumed. */
  account?: string;
  region?: string;
  /** How many matching requests get the fault (Infinity = all). */
  times: number;
  respond: { status: number; type: string; message: string } | 'hang';
}

export interface FakeAwsServer {
  url: string;
  calls: RecordedCall[];
  world: FakeWorld;
  inject(fault: Fault): void;
  /** Requests received for an operation (every attempt counts). */
  count(operation: string, filter?: Partial<Pick<RecordedCall, 'account' | 'region'>>): number;
  close(): Promise<void>;
}

interface Ctx {
  service: FakeService;
  operation: string;
  account: string;
  region: string;
  params: Record<string, unknown>;
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeAwsServer(world: FakeWorld): Promise<FakeAwsServer> {
  const calls: RecordedCall[] = [];
  const faults: Fault[] = [];
  const keys = new Map<string, string>(); // access key id → account
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ctx = parseRequest(req, Buffer.concat(chunks).toString('utf8'), keys, world.baseAccount);
      if (!ctx) return send(res, 400, 'application/x-amz-json-1.1', { __type: 'UnknownOperationException' });
      calls.push({ ...ctx, at: Date.now() });
      const fault = faults.find((f) => matches(f, ctx));
      if (fault) {
        fault.times--;
        if (fault.respond === 'hang') return; // the client's request timeout has to notice
        return sendError(res, ctx.service, fault.respond.status, fault.respond.type, fault.respond.message);
      }
      try {
        answer(world, ctx, keys, res);
      } catch (e) {
        const err = e as { status?: number; type?: string; message?: string };
        sendError(res, ctx.service, err.status ?? 500, err.type ?? 'InternalFailure', err.message ?? 'error');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    world,
    inject: (f) => faults.push(f),
    count: (op, filter = {}) =>
      calls.filter(
        (c) =>
          c.operation === op &&
          (filter.account === undefined || c.account === filter.account) &&
          (filter.region === undefined || c.region === filter.region),
      ).length,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function matches(f: Fault, c: Ctx): boolean {
  if (f.times <= 0) return false;
  if (f.service && f.service !== c.service) return false;
  if (f.operation && f.operation !== c.operation) return false;
  if (f.region && f.region !== c.region) return false;
  return !f.account || f.account === c.account;
}

// Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261124/eu-west-1/config/aws4_request, ...
function parseRequest(
  req: IncomingMessage,
  body: string,
  keys: Map<string, string>,
  baseAccount: string,
): Ctx | undefined {
  const auth = String(req.headers.authorization ?? '');
  const cred = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth);
  const key = cred?.[1] ?? '';
  const region = cred?.[2] ?? 'us-east-1';
  const account = keys.get(key) ?? baseAccount;
  const target = String(req.headers['x-amz-target'] ?? '');
  if (target.startsWith('StarlingDoveService.'))
    return {
      service: 'config',
      operation: target.slice(20),
      account,
      region,
      params: JSON.parse(body || '{}'),
    };
  if (target.startsWith('CloudApiService.'))
    return {
      service: 'cloudcontrol',
      operation: target.slice(16),
      account,
      region,
      params: JSON.parse(body || '{}'),
    };
  const form = Object.fromEntries(new URLSearchParams(body));
  if (!form.Action) return undefined;
  // STS faults and counts are keyed by the account whose role is assumed.
  const roleAccount = /^arn:[\w-]+:iam::(\d{12}):/.exec(form.RoleArn ?? '')?.[1];
  return { service: 'sts', operation: form.Action, account: roleAccount ?? account, region, params: form };
}

function answer(world: FakeWorld, c: Ctx, keys: Map<string, string>, res: ServerResponse) {
  if (c.service === 'sts') return assumeRole(c, keys, res);
  const json = c.service === 'config' ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
  const scope = world.scopes.find((s) => s.account === c.account && s.region === c.region);
  switch (`${c.service}.${c.operation}`) {
    case 'config.DescribeConfigurationRecorders':
      return send(res, 200, json, {
        ConfigurationRecorders: (scope?.recorders ?? []).map((r) => ({
          arn: `arn:aws:config:${c.region}:${c.account}:configuration-recorder/${r.name}/${r.name.length}q0bx9e2ydsdhrn`,
          name: r.name,
          roleARN: `arn:aws:iam::${c.account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: r.recordingGroup,
          recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
          recordingScope: r.recordingScope ?? 'PAID',
        })),
      });
    case 'config.DescribeConfigurationRecorderStatus':
      return send(res, 200, json, {
        ConfigurationRecordersStatus: (scope?.recorders ?? []).map((r) => ({
          name: r.name,
          lastStartTime: 1.732e9,
          recording: r.recording,
          lastStatus: r.lastStatus ?? 'Success',
          lastStatusChangeTime: 1.7324e9,
          ...(r.recording ? {} : { lastStopTime: 1.7323e9 }),
        })),
      });
    case 'config.SelectResourceConfig':
      return send(res, 200, json, select(world, c.params, scope ? [scope] : []));
    case 'config.SelectAggregateResourceConfig': {
      const agg = aggregatorOf(world, c.params);
      void agg;
      return send(res, 200, json, select(world, c.params, world.scopes));
    }
    case 'config.DescribeConfigurationAggregatorSourcesStatus': {
      const agg = aggregatorOf(world, c.params);
      return send(res, 200, json, page(agg.sources, c.params, 'AggregatedSourceStatusList', 100));
    }
    case 'cloudcontrol.ListResources':
      return send(res, 200, json, listResources(world, scope, c.params));
    case 'cloudcontrol.GetResource': {
      const type = String(c.params.TypeName);
      const found = scope?.cloudControl?.[type]?.find((r) => r.Identifier === c.params.Identifier);
      if (!found)
        throw {
          status: 400,
          type: 'ResourceNotFoundException',
          message: `Resource of type '${type}' with identifier '${c.params.Identifier}' was not found.`,
        };
      return send(res, 200, json, {
        TypeName: type,
        ResourceDescription: { Identifier: found.Identifier, Properties: JSON.stringify(found.Properties) },
      });
    }
    default:
      throw {
        status: 400,
        type: 'UnknownOperationException',
        message: `${c.operation} is not served by the fake`,
      };
  }
}

function aggregatorOf(world: FakeWorld, params: Record<string, unknown>): FakeAggregator {
  const agg = world.aggregators?.find((a) => a.name === params.ConfigurationAggregatorName);
  if (!agg)
    throw {
      status: 400,
      type: 'NoSuchConfigurationAggregatorException',
      message: `The configuration aggregator '${params.ConfigurationAggregatorName}' does not exist.`,
    };
  return agg;
}

const filtered = new WeakMap<FakeWorld, Map<string, Record<string, unknown>[]>>();

// SELECT a, b WHERE x IN ('1', '2') AND y = 'z': enough of the grammar for what readers send.
function select(world: FakeWorld, params: Record<string, unknown>, scopes: FakeScope[]) {
  const expr = String(params.Expression ?? '');
  const m = /^\s*SELECT\s+(.+?)(?:\s+WHERE\s+(.+))?\s*$/is.exec(expr);
  if (!m) throw { status: 400, type: 'InvalidExpressionException', message: 'Invalid query expression.' };
  const fields = m[1]!.split(',').map((f) => f.trim());
  const where = (m[2] ?? '')
    .split(/\s+AND\s+/i)
    .filter(Boolean)
    .map((cond) => {
      const c = /^(\w+)\s+(?:IN\s*\((.*)\)|=\s*(.*))$/i.exec(cond.trim());
      if (!c)
        throw { status: 400, type: 'InvalidExpressionException', message: `Unsupported condition: ${cond}` };
      const values = (c[2] ?? c[3] ?? '').split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
      return { field: c[1]!, values: new Set(values) };
    });
  // Filtered rows are cached per query so paging a large world stays linear (bench: 50,000 rows).
  const key = `${scopes.map((s) => `${s.account}:${s.region}:${s.items.length}`).join(',')}|${m[2] ?? ''}`;
  let byQuery = filtered.get(world);
  if (!byQuery) {
    byQuery = new Map();
    filtered.set(world, byQuery);
  }
  let rows = byQuery.get(key);
  if (!rows) {
    rows = scopes
      .flatMap((s) => s.items)
      .filter((item) => where.every((w) => w.values.has(String(item[w.field]))));
    byQuery.set(key, rows);
  }
  const limit = Math.min(Number(params.Limit ?? 100) || 100, world.configPageSize ?? 100);
  const out = page(rows, params, 'Results', limit);
  out.Results = (out.Results as Record<string, unknown>[]).map((row) => {
    const projected: Record<string, unknown> = {};
    for (const f of fields) if (row[f] !== undefined) projected[f] = row[f];
    return JSON.stringify(projected);
  });
  out.QueryInfo = { SelectFields: fields.map((Name) => ({ Name })) };
  return out;
}

function listResources(world: FakeWorld, scope: FakeScope | undefined, params: Record<string, unknown>) {
  const type = String(params.TypeName);
  const all = scope?.cloudControl?.[type] ?? [];
  const limit = Math.min(Number(params.MaxResults ?? 100) || 100, world.cloudControlPageSize ?? 100);
  const out = page(all, params, 'ResourceDescriptions', limit);
  const idProp = scope?.cloudControlListIdentifierOnly;
  out.ResourceDescriptions = (out.ResourceDescriptions as typeof all).map((r) => ({
    Identifier: r.Identifier,
    Properties: JSON.stringify(idProp ? { [idProp]: r.Properties[idProp] } : r.Properties),
  }));
  out.TypeName = type;
  return out;
}

// Opaque NextToken, like the real ones; a token from another query is rejected.
function page<T>(
  all: T[],
  params: Record<string, unknown>,
  field: string,
  limit: number,
): Record<string, unknown> {
  let offset = 0;
  if (typeof params.NextToken === 'string') {
    const decoded = JSON.parse(Buffer.from(params.NextToken, 'base64url').toString('utf8')) as { o: number };
    offset = decoded.o;
  }
  const slice = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? { o: offset + limit, n: randomUUID() } : undefined;
  return {
    [field]: slice,
    ...(next ? { NextToken: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}),
  };
}

function assumeRole(c: Ctx, keys: Map<string, string>, res: ServerResponse): void {
  if (c.operation === 'GetCallerIdentity') {
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
    res.end(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${c.account}:user/driftwatch-scanner</Arn>
    <UserId>AIDASAMPLEUSERID</UserId>
    <Account>${c.account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>`);
    return;
  }
  if (c.operation !== 'AssumeRole')
    throw { status: 400, type: 'InvalidAction', message: `Could not find operation ${c.operation}` };
  const roleArn = String(c.params.RoleArn);
  const akid = `ASIA${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
  keys.set(akid, c.account);
  const session = String(c.params.RoleSessionName);
  const role = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const exp = new Date(Date.now() + Number(c.params.DurationSeconds ?? 3600) * 1000).toISOString();
  res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <SourceIdentity></SourceIdentity>
    <AssumedRoleUser>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:${session}</AssumedRoleId>
      <Arn>arn:aws:sts::${c.account}:assumed-role/${role}/${session}</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${akid}</AccessKeyId>
      <SecretAccessKey>fake/secret/${randomUUID()}</SecretAccessKey>
      <SessionToken>IQoJb3JpZ2luX2VjEFAKE${randomUUID().replace(/-/g, '')}</SessionToken>
      <Expiration>${exp}</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`);
}

function send(res: ServerResponse, status: number, type: string, body: unknown): void {
  res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
}

// JSON protocols: {"__type": ..., "message": ...}; STS: the query protocol's ErrorResponse XML.
function sendError(res: ServerResponse, service: FakeService, status: number, type: string, message: string) {
  if (service !== 'sts') {
    const ct = service === 'config' ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
    return send(res, status, ct, { __type: type, message });
  }
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  res.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>
    <Code>${type}</Code>
    <Message>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Message>
  </Error>
  <RequestId>${randomUUID()}</RequestId>
</ErrorResponse>`);
}
