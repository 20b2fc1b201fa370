import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { badRequest, errorResponse, HttpError } from '../../api/http-error.ts';
import { createRouter, MAX_BODY_BYTES } from '../../api/router.ts';
import type { ApiRequest, ApiResponse, LifecycleTransitions } from '../../api/types.ts';
import { acknowledge, unacknowledge } from '../../core/lifecycle/index.ts';
import type { ScanRecord } from '../../core/model/drift-record.ts';
import { DriftwatchError, UsageError } from '../../core/model/errors.ts';
import type { ApprovalStore } from '../../core/ports/approval-store.ts';
import type { DriftStore } from '../../core/ports/drift-store.ts';
import type { TaskTokenSender } from '../../core/ports/task-token-sender.ts';
import { createDashboard, isDashboardPath, isLoopbackPeer } from '../../dashboard/serve-dashboard.ts';
import type { CliIo } from '../io.ts';
import { parseServeFlags } from './serve-flags.ts';

export interface StartServerOptions {
  store: DriftStore;
  triggerScan(input: { target?: string }): Promise<ScanRecord>;
  lifecycle?: LifecycleTransitions;
  /** Remediation approvals (GET/POST /approvals) and where decisions go. */
  approvals?: ApprovalStore;
  tasks?: TaskTokenSender;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Must be true to listen beyond loopback (0.0.0.0, a LAN address): the caller asked explicitly. */
  allowPublic?: boolean;
  /** Bearer token for mutating routes; random per start when omitted. */
  token?: string;
  /** One line per request (no bodies) and per unexpected error. */
  log?: (line: string) => void;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Starts the query API on a local HTTP server; POST needs the bearer token (every route does off loopback). */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  if (!loopback && !opts.allowPublic)
    throw new UsageError(`serve: refusing to listen on ${host} unless --host ${host} is given explicitly`);
  const token = opts.token ?? randomBytes(32).toString('hex');
  const log = opts.log ?? (() => undefined);
  const principal = `local:${localUser()}`;
  const router = createRouter(
    {
      store: opts.store,
      lifecycle: opts.lifecycle ?? { acknowledge, unacknowledge },
      triggerScan: opts.triggerScan,
      ...(opts.approvals ? { approvals: opts.approvals } : {}),
      ...(opts.tasks ? { tasks: opts.tasks } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    },
    {
      onError: (err) =>
        log(`unexpected error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`),
    },
  );

  const dashboard = createDashboard({ token });

  async function respond(req: IncomingMessage, url: URL, method: string): Promise<ApiResponse> {
    // DNS rebinding: a web page must not reach this loopback server under a name it controls.
    if (loopback && !isLoopback(hostnameOf(req.headers.host)))
      return errorResponse(new HttpError(403, 'forbidden', { message: 'Host is not this machine' }));
    // The dashboard's static files need no token; its page carries the token only to a loopback caller.
    if (isDashboardPath(url.pathname))
      return dashboard.handle({
        method,
        path: url.pathname,
        injectToken: loopback && isLoopbackPeer(req.socket.remoteAddress),
      });
    const authenticated = !READ_METHODS.has(method) || !loopback;
    if (authenticated) {
      const denied = checkBearer(req.headers.authorization, token);
      if (denied) return denied;
    }
    const body = await readBody(req);
    if (body instanceof HttpError) return errorResponse(body);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const request: ApiRequest = { method, path: url.pathname, query, headers: flatHeaders(req), body };
    if (authenticated) request.principal = principal;
    return router.handle(request);
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL | undefined;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // An unparsable request target never reaches the router.
    }
    const work = url
      ? respond(req, url, method)
      : Promise.resolve(errorResponse(badRequest('path', [], 'invalid request target', 'invalid_path')));
    work
      .catch(() => errorResponse(new HttpError(500, 'internal_error', null)))
      .then((response) => {
        send(res, response);
        const ms = Math.round(performance.now() - started);
        const target = url ? `${url.pathname}${url.search}` : '?';
        log(`${new Date().toISOString()} ${method} ${target.slice(0, 300)} ${response.status} ${ms}ms`);
      });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new DriftwatchError(`serve: port ${opts.port ?? 8080} on ${host} is in use (try --port)`)
          : err,
      ),
    );
    server.listen(opts.port ?? 8080, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    token,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}

export interface ServeDeps {
  /** Opens the drift store (embedded dynalite under `dir`, or AWS_ENDPOINT_URL_DYNAMODB). */
  openStore(opts: { dir: string }): Promise<{ store: DriftStore; close(): Promise<void> }>;
  triggerScan(input: { target?: string }): Promise<ScanRecord>;
  lifecycle?: LifecycleTransitions;
  /** Approvals on the opened store (available after openStore). */
  remediation?: () => { approvals: ApprovalStore; tasks: TaskTokenSender } | undefined;
  /** Resolves when the server should stop; SIGINT/SIGTERM by default. */
  untilStopped?: () => Promise<void>;
}

/** `driftwatch serve [--port 8080] [--host 127.0.0.1] [--store-dir .driftwatch]`: runs until SIGINT/SIGTERM. */
export async function serveCommand(args: string[], io: CliIo, deps: ServeDeps): Promise<number> {
  const flags = parseServeFlags(args);
  const host = flags.host ?? '127.0.0.1';
  const opened = await deps.openStore({ dir: resolve(io.cwd, flags['store-dir']) });
  let server: RunningServer;
  try {
    server = await startServer({
      store: opened.store,
      triggerScan: deps.triggerScan,
      ...(deps.lifecycle ? { lifecycle: deps.lifecycle } : {}),
      ...(deps.remediation?.() ?? {}),
      port: flags.port,
      host,
      allowPublic: flags.host !== undefined,
      log: (line) => io.stderr(`${line}\n`),
    });
  } catch (err) {
    await opened.close();
    throw err;
  }
  io.stdout(banner(server, flags['store-dir']));
  if (!isLoopback(host))
    io.stderr(`warning: listening on ${host}: reachable from other machines; every route needs the token\n`);
  try {
    await (deps.untilStopped ?? untilSignal)();
    io.stderr('driftwatch serve: shutting down\n');
    await server.close();
  } finally {
    await opened.close();
  }
  return 0;
}

function banner(server: RunningServer, storeDir: string): string {
  return [
    `driftwatch API listening on ${server.url} (store: ${storeDir})`,
    `  bearer token for POST requests: ${server.token}`,
    `  try:  curl ${server.url}/drifts?status=active`,
    `        curl -X POST -H "Authorization: Bearer ${server.token}" ${server.url}/scans`,
    `  API description: ${server.url}/openapi.json`,
    `  dashboard: ${server.url}/`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** 401 without a bearer token, 403 with a wrong one, undefined when it matches. */
function checkBearer(header: string | undefined, token: string): ApiResponse | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) {
    const details = { message: 'send Authorization: Bearer <token> (driftwatch serve printed it at start)' };
    return errorResponse(
      new HttpError(401, 'unauthorized', details, { 'www-authenticate': 'Bearer realm="driftwatch"' }),
    );
  }
  // Compared as digests: equal length, constant time, whatever the caller sent.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(token)))
    return errorResponse(new HttpError(403, 'forbidden', { message: 'wrong bearer token' }));
  return undefined;
}

/** The request body as text; a 413 HttpError past the limit (declared or streamed), undefined when empty. */
function readBody(req: IncomingMessage): Promise<string | undefined | HttpError> {
  const tooLarge = new HttpError(
    413,
    'payload_too_large',
    { limitBytes: MAX_BODY_BYTES },
    { connection: 'close' },
  );
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(tooLarge);
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        done(tooLarge);
      } else chunks.push(chunk);
    });
    req.on('end', () => done(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, response: ApiResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  // The token never travels further than the check above.
  delete out.authorization;
  return out;
}

function hostnameOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

/** Loopback names and addresses: the only hosts served without a token on reads. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

function localUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'user';
  }
}
