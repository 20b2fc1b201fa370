import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Kubernetes API server for tests and benchmarks: legacy discovery (APIVersions,
 * APIGroupList, APIResourceList), chunked lists (`limit`/`continue`, remainingItemCount, items
 * without kind/apiVersion like the real server's typed lists), bearer-token auth and metav1.Status
 * error bodies, plus fault injection (429 bursts, 5xx, hangs, resets, expired continue tokens).
 */

/** One resource type the fake serves (a row of an APIResourceList). */
export interface FakeKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  verbs?: string[];
  /** Custom resources keep kind/apiVersion on list items; built-in typed lists do not. */
  crd?: boolean;
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const k = (group: string, version: string, kind: string, plural: string, namespaced: boolean): FakeKind => ({
  group,
  version,
  kind,
  plural,
  namespaced,
});

/** The built-in kinds of a small v1.30 cluster (a subset: enough for discovery to be realistic). */
export const BUILTIN_KINDS: FakeKind[] = [
  k('', 'v1', 'ConfigMap', 'configmaps', true),
  k('', 'v1', 'Endpoints', 'endpoints', true),
  k('', 'v1', 'Event', 'events', true),
  k('', 'v1', 'Namespace', 'namespaces', false),
  k('', 'v1', 'Node', 'nodes', false),
  k('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true),
  k('', 'v1', 'Pod', 'pods', true),
  k('', 'v1', 'Secret', 'secrets', true),
  k('', 'v1', 'Service', 'services', true),
  k('', 'v1', 'ServiceAccount', 'serviceaccounts', true),
  { ...k('', 'v1', 'Binding', 'bindings', true), verbs: ['create'] },
  k('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  k('apps', 'v1', 'DaemonSet', 'daemonsets', true),
  k('apps', 'v1', 'Deployment', 'deployments', true),
  k('apps', 'v1', 'ReplicaSet', 'replicasets', true),
  k('apps', 'v1', 'StatefulSet', 'statefulsets', true),
  k('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true),
  k('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true),
  k('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  k('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  k('events.k8s.io', 'v1', 'Event', 'events', true),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  k('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  k('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  { ...k('authentication.k8s.io', 'v1', 'TokenReview', 'tokenreviews', false), verbs: ['create'] },
];

// Subresources the real discovery lists next to their parents (never listable on their own).
const SUBRESOURCES: Record<string, { name: string; kind: string; verbs: string[] }[]> = {
  'apps/v1': [
    { name: 'deployments/scale', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
    { name: 'deployments/status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
  ],
  v1: [
    { name: 'pods/log', kind: 'Pod', verbs: ['get'] },
    { name: 'namespaces/finalize', kind: 'Namespace', verbs: ['update'] },
    { name: 'serviceaccounts/token', kind: 'TokenRequest', verbs: ['create'] },
  ],
};

/** A canned failure for matching requests; `times` (default 1) counts down per hit. */
export interface FaultRule {
  /** Substring of (or pattern for) the path + query, e.g. `/apis/apps/v1/deployments` or /continue=/. */
  match: string | RegExp;
  times?: number;
  status?: number;
  reason?: string;
  message?: string;
  /** Sent as Retry-After (seconds) and details.retryAfterSeconds, like API Priority and Fairness. */
  retryAfter?: number;
  /** Delay before answering (normally): longer than the client timeout = a timeout. */
  hangMs?: number;
  /** Drop the connection without answering. */
  reset?: boolean;
}

export interface FakeRequest {
  path: string;
  status: number;
}

type Obj = Record<string, unknown> & { metadata: Record<string, unknown> };

/** `metav1.Status` failure body exactly as kube-apiserver writes it. */
export function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** The 403 kube-apiserver returns when RBAC denies a cluster-wide list. */
export function forbiddenRule(
  plural: string,
  group = '',
  user = 'system:serviceaccount:driftwatch:scanner',
): FaultRule {
  return {
    match: new RegExp(`/${plural}\\?`),
    times: Number.POSITIVE_INFINITY,
    status: 403,
    reason: 'Forbidden',
    message: `${plural} is forbidden: User "${user}" cannot list resource "${plural}" in API group "${group}" at the cluster scope`,
  };
}

export class FakeKubernetesApiServer {
  readonly requests: FakeRequest[] = [];
  /** Most requests ever in flight at once (checks a client's concurrency cap). */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly faults: (FaultRule & { left: number })[] = [];
  private readonly store = new Map<string, Map<string, Obj>>();
  private readonly sorted = new Map<string, string[]>();
  private rv = 1000;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly kinds: FakeKind[],
    private readonly token: string | undefined,
  ) {}

  /** Starts on 127.0.0.1, port 0. */
  static async start(opts: { kinds?: FakeKind[]; objects?: object[]; token?: string } = {}) {
    let fake: FakeKubernetesApiServer | undefined;
    const server = createServer((req, res) => fake?.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    fake = new FakeKubernetesApiServer(
      server,
      `http://127.0.0.1:${port}`,
      opts.kinds ?? BUILTIN_KINDS,
      opts.token,
    );
    fake.add(...(opts.objects ?? []));
    return fake;
  }

  /** Stores objects (apiVersion + kind + metadata.name[/namespace]); fills uid/resourceVersion. */
  add(...objects: object[]): void {
    for (const o of objects as Obj[]) {
      const [group] = splitGv(o.apiVersion as string);
      const kind = this.kinds.find((x) => x.group === group && x.kind === o.kind);
      if (!kind) throw new Error(`fake: no kind ${o.apiVersion} ${o.kind}`);
      const meta: Record<string, unknown> = {
        uid: randomUUID(),
        resourceVersion: String(++this.rv),
        ...o.metadata,
      };
      const key = `${(meta.namespace as string | undefined) ?? ''}/${meta.name as string}`;
      const bucket = this.store.get(`${group}/${kind.plural}`) ?? new Map<string, Obj>();
      bucket.set(key, { ...o, metadata: meta });
      this.store.set(`${group}/${kind.plural}`, bucket);
      this.sorted.delete(`${group}/${kind.plural}`);
    }
  }

  /** The stored object, for tests that edit it in place (`kubectl scale` by hand). */
  get(apiVersion: string, plural: string, namespace: string, name: string): Obj | undefined {
    return this.store.get(`${splitGv(apiVersion)[0]}/${plural}`)?.get(`${namespace}/${name}`);
  }

  inject(...rules: FaultRule[]): void {
    for (const r of rules) this.faults.push({ ...r, left: r.times ?? 1 });
  }

  /** Requests whose path (with query) contains `s`. */
  count(s: string): number {
    return this.requests.filter((r) => r.path.includes(s)).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ path: url.pathname + url.search, status });
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.token && req.headers.authorization !== `Bearer ${this.token}`)
      return send(401, statusBody(401, 'Unauthorized', 'Unauthorized'));
    const fault = this.faults.find((f) => f.left > 0 && matches(f.match, url.pathname + url.search));
    if (fault) {
      fault.left--;
      if (fault.reset) {
        this.requests.push({ path: url.pathname + url.search, status: 0 });
        req.socket.destroy();
        return;
      }
      if (fault.hangMs) await new Promise((r) => setTimeout(r, fault.hangMs));
      if (fault.status) {
        const details = fault.retryAfter !== undefined ? { retryAfterSeconds: fault.retryAfter } : undefined;
        const headers: Record<string, string> =
          fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
        const message = fault.message ?? defaultMessage(fault.status);
        return send(
          fault.status,
          statusBody(fault.status, fault.reason ?? 'InternalError', message, details),
          headers,
        );
      }
    }
    const answer = this.route(url);
    if (answer) return send(answer.status ?? 200, answer.body);
    send(404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
  }

  private route(url: URL): { status?: number; body: unknown } | undefined {
    const p = url.pathname.replace(/\/+$/, '');
    if (p === '/api')
      return {
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }],
        },
      };
    if (p === '/apis') return { body: this.groupList() };
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/(.*))?$/.exec(p);
    if (!m) return undefined;
    const group = m[1] ? '' : m[2]!;
    const version = m[1] ?? m[3]!;
    const served = this.kinds.filter((x) => x.group === group && x.version === version);
    if (served.length === 0) return undefined;
    if (!m[4]) return { body: this.resourceList(group, version, served) };
    const parts = m[4].split('/');
    const [namespace, plural] =
      parts.length === 3 && parts[0] === 'namespaces' ? [parts[1]!, parts[2]!] : [undefined, parts[0]!];
    const kind = served.find((x) => x.plural === plural && (parts.length === 1 || parts.length === 3));
    if (!kind || !(kind.verbs ?? RW).includes('list')) return undefined;
    return this.list(kind, namespace, url.searchParams);
  }

  private groupList() {
    const groups = new Map<string, string[]>();
    for (const x of this.kinds)
      if (x.group !== '') groups.set(x.group, [...new Set([...(groups.get(x.group) ?? []), x.version])]);
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups].map(([name, versions]) => ({
        name,
        versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
        // The first version listed for a group is its preferred one, as in the real list.
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
    };
  }

  private resourceList(group: string, version: string, served: FakeKind[]) {
    const groupVersion = group ? `${group}/${version}` : version;
    const resources = served.map((x) => ({
      name: x.plural,
      singularName: x.kind.toLowerCase(),
      namespaced: x.namespaced,
      kind: x.kind,
      verbs: x.verbs ?? RW,
      storageVersionHash: Buffer.from(`${groupVersion}/${x.kind}`).toString('base64').slice(0, 11) + '=',
    }));
    for (const s of SUBRESOURCES[groupVersion] ?? [])
      resources.push({
        name: s.name,
        singularName: '',
        namespaced: true,
        kind: s.kind,
        verbs: s.verbs,
        storageVersionHash: '',
      });
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion,
      resources: resources.map(({ storageVersionHash, ...r }) =>
        storageVersionHash ? { ...r, storageVersionHash } : r,
      ),
    };
  }

  private list(kind: FakeKind, namespace: string | undefined, q: URLSearchParams) {
    const id = `${kind.group}/${kind.plural}`;
    let keys = this.sorted.get(id);
    if (!keys) {
      keys = [...(this.store.get(id)?.keys() ?? [])].sort();
      this.sorted.set(id, keys);
    }
    const inNs = namespace === undefined ? keys : keys.filter((key) => key.startsWith(`${namespace}/`));
    const limit = Number(q.get('limit') ?? 0);
    const cont = q.get('continue');
    let start = 0;
    if (cont) {
      const token = JSON.parse(Buffer.from(cont, 'base64').toString('utf8')) as { start: string };
      start = lowerBound(inNs, token.start);
    }
    const end = limit > 0 ? Math.min(inNs.length, start + limit) : inNs.length;
    const gv = kind.group ? `${kind.group}/${kind.version}` : kind.version;
    const bucket = this.store.get(id)!;
    const items = inNs.slice(start, end).map((key) => {
      const { apiVersion: _a, kind: _k, ...rest } = bucket.get(key)!;
      return kind.crd ? { apiVersion: gv, kind: kind.kind, ...rest } : rest;
    });
    const metadata: Record<string, unknown> = { resourceVersion: String(this.rv) };
    if (end < inNs.length) {
      // kube-apiserver's token: base64 JSON {v, rv, start} where start is the last key + "\0".
      const token = { v: 'meta.k8s.io/v1', rv: this.rv, start: `${inNs[end - 1]}\u0000` };
      metadata.continue = Buffer.from(JSON.stringify(token)).toString('base64');
      metadata.remainingItemCount = inNs.length - end;
    }
    return { body: { kind: `${kind.kind}List`, apiVersion: gv, metadata, items } };
  }
}

/** A kubeconfig (JSON is YAML) with one context per entry, all on plain HTTP to the fakes. */
export function fakeKubeconfig(
  entries: { context: string; server: string; token?: string }[],
  current?: string,
): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: entries.map((e) => ({
      name: e.context,
      cluster: { server: e.server, 'insecure-skip-tls-verify': true },
    })),
    users: entries.map((e) => ({ name: `${e.context}-user`, user: { token: e.token ?? 'test-token' } })),
    contexts: entries.map((e) => ({
      name: e.context,
      context: { cluster: e.context, user: `${e.context}-user` },
    })),
    'current-context': current ?? entries[0]?.context ?? '',
  });
}

/** The 410 kube-apiserver answers for a continue token older than the etcd compaction window. */
export function expiredContinueRule(listPath: string, times = 1): FaultRule {
  return {
    match: new RegExp(`${listPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?.*continue=`),
    times,
    status: 410,
    reason: 'Expired',
    message:
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
  };
}

function splitGv(apiVersion: string): [string, string] {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

function matches(m: string | RegExp, s: string): boolean {
  return typeof m === 'string' ? s.includes(m) : m.test(s);
}

function lowerBound(keys: string[], start: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Too many requests, please try again later.';
  if (status === 503) return 'the server is currently unable to handle the request';
  if (status === 504) return 'Timeout: request did not complete within the allotted timeout';
  return 'Internal error occurred: etcdserver: leader changed';
}
