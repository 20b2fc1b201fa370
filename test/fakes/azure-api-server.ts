import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import { DefaultHttpClient } from '@azure/ms-rest-js';
import type { AzureHttpClients } from '../../lib/adapters/inventory/azure-resource-graph/index.ts';

/**
 * A local stand-in for Azure Resource Manager + Resource Graph speaking the real wire format:
 * POST /providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01 (the version
 * @azure/arm-resourcegraph 4.x sends) with `{subscriptions, query, options}` → `{totalRecords,
 * count, resultTruncated, $skipToken, data, facets}`; GET {armId}?api-version=…; GET
 * /subscriptions/{s}/providers/{ns}; ARM error bodies `{"error":{"code","message"}}`; the
 * x-ms-user-quota-* headers. It does not run KQL: a query naming `resourcechanges` gets the
 * change rows (filtered by `ago(Nm)`), any other query gets the resource rows.
 */

export type Row = Record<string, unknown>;
export type FakeOp = 'resources' | 'changes' | 'getById' | 'providers';

/** A scripted failure: the next `times` matching calls answer with it. */
export interface FakeFault {
  on: FakeOp;
  /** Only calls whose subscriptions (or id) include this one. */
  subscription?: string;
  times: number;
  status?: number;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Hold the response this long (a timeout) before answering 504. */
  hangMs?: number;
}

export interface FakeCall {
  op: FakeOp;
  method: string;
  path: string;
  apiVersion: string | null;
  subscriptions: string[];
  skipToken?: string;
  status: number;
}

export interface AzureFakeOptions {
  rows: Row[];
  changes?: Row[];
  /** Documents GET {id} answers (ARM's current view); keyed case-insensitively by id. */
  arm?: Row[];
  providers?: Record<string, { resourceType: string; apiVersions: string[] }[]>;
  /** Subscriptions Resource Graph silently leaves out (no read access). */
  inaccessible?: string[];
  /** Per-user quota: this many queries per window, window length `hh:mm:ss`. */
  quota?: { perWindow: number; resetsAfter: string };
  /** Clock for quota windows and `ago()` (tests inject a fake one). */
  now?: () => number;
}

const RG_PATH = '/providers/microsoft.resourcegraph/resources';
const RG_API = '2021-03-01';
const DEFAULT_PROVIDERS: Record<string, { resourceType: string; apiVersions: string[] }[]> = {
  'microsoft.compute': [
    { resourceType: 'virtualMachines', apiVersions: ['2024-07-01', '2024-03-01', '2023-09-01'] },
  ],
  'microsoft.storage': [
    { resourceType: 'storageAccounts', apiVersions: ['2024-01-01', '2023-05-01', '2023-04-01-preview'] },
  ],
  'microsoft.network': [
    { resourceType: 'virtualNetworks', apiVersions: ['2024-05-01', '2024-03-01'] },
    { resourceType: 'virtualNetworks/subnets', apiVersions: ['2024-05-01', '2024-03-01'] },
    { resourceType: 'networkSecurityGroups', apiVersions: ['2024-05-01', '2024-03-01'] },
  ],
  'microsoft.resources': [{ resourceType: 'resourceGroups', apiVersions: ['2024-03-01', '2022-09-01'] }],
};

const subOf = (id: unknown) => /^\/subscriptions\/([^/]+)/i.exec(String(id))?.[1]?.toLowerCase() ?? '';
const armError = (code: string, message: string) => ({ error: { code, message } });

export class AzureApiServer {
  readonly calls: FakeCall[] = [];
  faults: FakeFault[] = [];
  private server: Server | undefined;
  private port = 0;
  private quotaUsed = 0;
  private windowStart: number | undefined;

  constructor(readonly o: AzureFakeOptions) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Calls of one kind, in order. */
  callsOf(op: FakeOp): FakeCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  /**
   * Transports that send https://management.azure.com/… to this server. The SDKs refuse bearer
   * tokens over http, so the URL stays https through the whole pipeline (auth, serialization)
   * and is rewritten only at the socket: each wraps the SDK's own default node HTTP client.
   */
  httpClients(): Required<AzureHttpClients> {
    const to = (url: string) =>
      url.replace(/^https:\/\/management\.azure\.com/i, `http://127.0.0.1:${this.port}`);
    const ms = new DefaultHttpClient();
    const core = createDefaultHttpClient();
    return {
      resourceGraph: {
        sendRequest: (req) => {
          req.url = to(req.url);
          return ms.sendRequest(req);
        },
      },
      arm: {
        sendRequest: (req) => {
          req.url = to(req.url);
          // Only this last loopback hop is plain http; auth ran on the https URL above.
          req.allowInsecureConnection = true;
          return core.sendRequest(req);
        },
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // getById puts the id (which starts with '/') after the endpoint's '/': ARM takes the '//'.
    const url = new URL(`http://x/${(req.url ?? '/').replace(/^\/+/, '')}`);
    const body = await readBody(req);
    const path = decodeURIComponent(url.pathname);
    const apiVersion = url.searchParams.get('api-version');
    const send = (
      op: FakeOp,
      subs: string[],
      status: number,
      json: unknown,
      headers: Record<string, string> = {},
      skipToken?: string,
    ) => {
      this.calls.push({
        op,
        method: req.method ?? '',
        path,
        apiVersion,
        subscriptions: subs,
        status,
        ...(skipToken ? { skipToken } : {}),
      });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ms-request-id': crypto.randomUUID(),
        ...headers,
      });
      res.end(JSON.stringify(json));
    };
    if (!/^Bearer \S+/.test(req.headers.authorization ?? ''))
      return send(
        'resources',
        [],
        401,
        armError('AuthenticationFailed', 'Authentication failed. The Authorization header is missing.'),
      );
    if (req.method === 'POST' && path.toLowerCase() === RG_PATH) return this.query(body, apiVersion, send);
    if (req.method !== 'GET')
      return send('getById', [], 405, armError('MethodNotAllowed', 'The method is not allowed.'));
    const provider = /^\/subscriptions\/([^/]+)\/providers\/([^/]+)$/i.exec(path);
    if (provider) return this.provider(provider[1]!, provider[2]!, send);
    return this.getById(path, apiVersion, send);
  }

  private async fault(op: FakeOp, subs: string[], send: SendFn): Promise<boolean> {
    const f = this.faults.find(
      (x) => x.on === op && x.times > 0 && (!x.subscription || subs.includes(x.subscription.toLowerCase())),
    );
    if (!f) return false;
    f.times--;
    if (f.hangMs) await new Promise((r) => setTimeout(r, f.hangMs));
    send(
      op,
      subs,
      f.status ?? 504,
      armError(
        f.code ?? 'GatewayTimeout',
        f.message ?? 'The gateway did not receive a response within the specified time period.',
      ),
      f.headers,
    );
    return true;
  }

  private async query(raw: string, apiVersion: string | null, send: SendFn): Promise<void> {
    let body: { subscriptions?: unknown; query?: unknown; options?: Record<string, unknown> };
    try {
      body = JSON.parse(raw);
    } catch {
      return send(
        'resources',
        [],
        400,
        armError('InvalidRequestContent', 'The request content was invalid and could not be deserialized.'),
      );
    }
    const query = typeof body.query === 'string' ? body.query : '';
    const op: FakeOp = /\bresourcechanges\b/i.test(query) ? 'changes' : 'resources';
    const subs = Array.isArray(body.subscriptions)
      ? body.subscriptions.map((s) => String(s).toLowerCase())
      : [];
    if (apiVersion !== RG_API || !query || subs.length === 0 || body.options?.resultFormat !== 'objectArray')
      return send(
        op,
        subs,
        400,
        armError(
          'BadRequest',
          'Please provide below info when asking for support: request must carry subscriptions, query, options.resultFormat=objectArray and api-version.',
        ),
      );
    const quota = this.quotaHeaders();
    if (quota.throttled)
      return send(
        op,
        subs,
        429,
        armError(
          'RateLimiting',
          'Please provide below info when asking for support: timestamp = … Too many requests.',
        ),
        quota.headers,
      );
    if (await this.fault(op, subs, send)) return;
    const hidden = new Set((this.o.inaccessible ?? []).map((s) => s.toLowerCase()));
    const wanted = new Set(subs.filter((s) => !hidden.has(s)));
    const all =
      op === 'changes'
        ? this.recentChanges(query, wanted)
        : this.o.rows.filter((r) => wanted.has(String(r.subscriptionId).toLowerCase()));
    const top = Math.min(Number(body.options?.$top ?? 100), 1000);
    const skipToken = typeof body.options?.$skipToken === 'string' ? body.options.$skipToken : undefined;
    const offset = skipToken
      ? (JSON.parse(Buffer.from(skipToken, 'base64').toString()) as { RowsToSkip: number }).RowsToSkip
      : 0;
    const data = all.slice(offset, offset + top);
    const next = offset + top < all.length ? skipTokenFor(top, offset + top) : undefined;
    const page = {
      totalRecords: all.length,
      count: data.length,
      resultTruncated: 'false',
      ...(next ? { $skipToken: next } : {}),
      data,
      facets: [],
    };
    send(op, subs, 200, page, quota.headers, skipToken);
  }

  // Window of `perWindow` queries; the answer that uses the last one says remaining 0.
  private quotaHeaders(): { throttled: boolean; headers: Record<string, string> } {
    const q = this.o.quota;
    if (!q) return { throttled: false, headers: {} };
    const now = (this.o.now ?? Date.now)();
    const [h, m, s] = q.resetsAfter.split(':').map(Number) as [number, number, number];
    const windowMs = (h * 3600 + m * 60 + s) * 1000;
    if (this.windowStart === undefined || now >= this.windowStart + windowMs) {
      this.windowStart = now;
      this.quotaUsed = 0;
    }
    const left = Math.max(0, this.windowStart + windowMs - now);
    const resets = new Date(left).toISOString().slice(11, 19);
    if (this.quotaUsed >= q.perWindow)
      return {
        throttled: true,
        headers: {
          'x-ms-user-quota-remaining': '0',
          'x-ms-user-quota-resets-after': resets,
          'retry-after': String(Math.ceil(left / 1000)),
        },
      };
    this.quotaUsed++;
    return {
      throttled: false,
      headers: {
        'x-ms-user-quota-remaining': String(q.perWindow - this.quotaUsed),
        'x-ms-user-quota-resets-after': resets,
      },
    };
  }

  private recentChanges(query: string, subs: Set<string>): Row[] {
    const minutes = Number(/ago\((\d+)m\)/.exec(query)?.[1] ?? 0);
    const since = (this.o.now ?? Date.now)() - minutes * 60_000;
    return (this.o.changes ?? []).filter((c) => {
      const p = c.properties as { targetResourceId: string; changeAttributes: { timestamp: string } };
      return subs.has(subOf(p.targetResourceId)) && Date.parse(p.changeAttributes.timestamp) > since;
    });
  }

  private async provider(sub: string, ns: string, send: SendFn): Promise<void> {
    if (await this.fault('providers', [sub.toLowerCase()], send)) return;
    const types = { ...DEFAULT_PROVIDERS, ...this.o.providers }[ns.toLowerCase()];
    if (!types)
      return send(
        'providers',
        [sub],
        404,
        armError('InvalidResourceNamespace', `The resource namespace '${ns}' is invalid.`),
      );
    send('providers', [sub], 200, {
      id: `/subscriptions/${sub}/providers/${ns}`,
      namespace: ns,
      registrationState: 'Registered',
      registrationPolicy: 'RegistrationRequired',
      resourceTypes: types.map((t) => ({
        ...t,
        locations: ['West Europe', 'North Europe'],
        capabilities: 'None',
      })),
    });
  }

  private async getById(path: string, apiVersion: string | null, send: SendFn): Promise<void> {
    const sub = subOf(path);
    if (await this.fault('getById', [sub], send)) return;
    if (!apiVersion)
      return send(
        'getById',
        [sub],
        400,
        armError(
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        ),
      );
    const doc = (this.o.arm ?? []).find((d) => String(d.id).toLowerCase() === path.toLowerCase());
    if (!doc) {
      const name = path.split('/').pop();
      return send(
        'getById',
        [sub],
        404,
        armError(
          'ResourceNotFound',
          `The Resource '${name}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
        ),
      );
    }
    send('getById', [sub], 200, doc, { 'x-ms-ratelimit-remaining-subscription-reads': '11999' });
  }
}

type SendFn = (
  op: FakeOp,
  subs: string[],
  status: number,
  json: unknown,
  headers?: Record<string, string>,
  skipToken?: string,
) => void;

// Real tokens are base64 of a small JSON document naming rows to skip and the Kusto cluster.
function skipTokenFor(top: number, skip: number): string {
  const doc = {
    $id: '1',
    MaxRows: top,
    RowsToSkip: skip,
    KustoClusterUrl: 'https://ar-neu-eight-sf.arg.core.windows.net',
  };
  return Buffer.from(JSON.stringify(doc)).toString('base64');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const arm = (sub: string, rg: string, type: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;
// Resource Graph rows carry every projected column; absent values come back as null or "".
const row = (sub: string, rg: string, type: string, name: string, extra: Row): Row => ({
  id: arm(sub, rg, type, name),
  name,
  type: type.toLowerCase(),
  tenantId: TENANT,
  kind: '',
  location: 'westeurope',
  resourceGroup: rg.toLowerCase(),
  subscriptionId: sub,
  managedBy: '',
  sku: null,
  plan: null,
  tags: {},
  identity: null,
  zones: null,
  extendedLocation: null,
  ...extra,
});

/** Resource Graph rows shaped like real `resources` / `resourcecontainers` answers. */
export const azureRows = {
  subscription: (sub: string, name = 'Contoso Production'): Row => ({
    id: `/subscriptions/${sub}`,
    name,
    type: 'microsoft.resources/subscriptions',
    tenantId: TENANT,
    kind: '',
    location: '',
    resourceGroup: '',
    subscriptionId: sub,
    managedBy: '',
    sku: null,
    plan: null,
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
    properties: {
      subscriptionPolicies: {
        locationPlacementId: 'Public_2014-09-01',
        quotaId: 'EnterpriseAgreement_2014-09-01',
        spendingLimit: 'Off',
      },
      state: 'Enabled',
    },
  }),
  resourceGroup: (sub: string, rg: string, tags: Record<string, string> = {}): Row => ({
    id: `/subscriptions/${sub}/resourceGroups/${rg}`,
    name: rg,
    type: 'microsoft.resources/subscriptions/resourcegroups',
    tenantId: TENANT,
    kind: '',
    location: 'westeurope',
    resourceGroup: rg.toLowerCase(),
    subscriptionId: sub,
    managedBy: '',
    sku: null,
    plan: null,
    tags,
    identity: null,
    zones: null,
    extendedLocation: null,
    properties: { provisioningState: 'Succeeded' },
  }),
  storageAccount: (sub: string, rg: string, name: string, tags: Record<string, string> = {}): Row =>
    row(sub, rg, 'Microsoft.Storage/storageAccounts', name, {
      kind: 'StorageV2',
      sku: { name: 'Standard_LRS', tier: 'Standard' },
      tags,
      properties: {
        keyCreationTime: { key1: '2024-03-11T09:12:40.8563461Z', key2: '2024-03-11T09:12:40.8563461Z' },
        privateEndpointConnections: [],
        minimumTlsVersion: 'TLS1_2',
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: true,
        isHnsEnabled: false,
        networkAcls: {
          bypass: 'AzureServices',
          virtualNetworkRules: [],
          ipRules: [],
          defaultAction: 'Allow',
        },
        supportsHttpsTrafficOnly: true,
        encryption: {
          requireInfrastructureEncryption: false,
          services: {
            file: { keyType: 'Account', enabled: true },
            blob: { keyType: 'Account', enabled: true },
          },
          keySource: 'Microsoft.Storage',
        },
        accessTier: 'Hot',
        provisioningState: 'Succeeded',
        creationTime: '2024-03-11T09:12:40.6219611Z',
        primaryEndpoints: {
          blob: `https://${name}.blob.core.windows.net/`,
          dfs: `https://${name}.dfs.core.windows.net/`,
        },
        primaryLocation: 'westeurope',
        statusOfPrimary: 'available',
      },
    }),
  virtualMachine: (sub: string, rg: string, name: string, size = 'Standard_B2s'): Row =>
    row(sub, rg, 'Microsoft.Compute/virtualMachines', name, {
      zones: ['1'],
      tags: { env: 'prod' },
      properties: {
        vmId: '6a0b4d2e-59a1-4c5f-9d3e-2f2b1c7a8e90',
        hardwareProfile: { vmSize: size },
        storageProfile: {
          imageReference: {
            publisher: 'Canonical',
            offer: '0001-com-ubuntu-server-jammy',
            sku: '22_04-lts-gen2',
            version: 'latest',
            exactVersion: '22.04.202403280',
          },
          osDisk: {
            osType: 'Linux',
            name: `${name}_OsDisk_1`,
            createOption: 'FromImage',
            caching: 'ReadWrite',
            managedDisk: {
              storageAccountType: 'Premium_LRS',
              id: arm(sub, rg, 'Microsoft.Compute/disks', `${name}_OsDisk_1`),
            },
            deleteOption: 'Delete',
            diskSizeGB: 30,
          },
          dataDisks: [],
        },
        osProfile: {
          computerName: name,
          adminUsername: 'azureuser',
          linuxConfiguration: {
            disablePasswordAuthentication: true,
            provisionVMAgent: true,
            patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' },
          },
          secrets: [],
          allowExtensionOperations: true,
        },
        networkProfile: {
          networkInterfaces: [{ id: arm(sub, rg, 'Microsoft.Network/networkInterfaces', `${name}-nic`) }],
        },
        provisioningState: 'Succeeded',
        timeCreated: '2024-03-11T09:20:02.5337311+00:00',
        extended: {
          instanceView: {
            computerName: name,
            osName: 'ubuntu',
            osVersion: '22.04',
            powerState: { code: 'PowerState/running', level: 'Info', displayStatus: 'VM running' },
          },
        },
      },
    }),
  networkSecurityGroup: (sub: string, rg: string, name: string): Row =>
    row(sub, rg, 'Microsoft.Network/networkSecurityGroups', name, {
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: '0c1e7f5a-3b0d-4f7e-8a55-1d9b6a2c4e11',
        securityRules: [
          {
            name: 'allow-ssh',
            id: `${arm(sub, rg, 'Microsoft.Network/networkSecurityGroups', name)}/securityRules/allow-ssh`,
            etag: 'W/"b1c2d3e4-0000-0000-0000-000000000001"',
            type: 'Microsoft.Network/networkSecurityGroups/securityRules',
            properties: {
              provisioningState: 'Succeeded',
              protocol: 'Tcp',
              sourcePortRange: '*',
              destinationPortRange: '22',
              sourceAddressPrefix: '10.0.0.0/8',
              destinationAddressPrefix: '*',
              access: 'Allow',
              priority: 100,
              direction: 'Inbound',
              sourcePortRanges: [],
              destinationPortRanges: [],
              sourceAddressPrefixes: [],
              destinationAddressPrefixes: [],
            },
          },
        ],
        defaultSecurityRules: [],
      },
    }),
  virtualNetwork: (sub: string, rg: string, name: string, subnets: string[]): Row => {
    const id = arm(sub, rg, 'Microsoft.Network/virtualNetworks', name);
    return row(sub, rg, 'Microsoft.Network/virtualNetworks', name, {
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: '5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6',
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
        enableDdosProtection: false,
        virtualNetworkPeerings: [],
        subnets: subnets.map((s, i) => ({
          name: s,
          id: `${id}/subnets/${s}`,
          etag: 'W/"a1b2c3d4-0000-0000-0000-000000000002"',
          type: 'Microsoft.Network/virtualNetworks/subnets',
          properties: {
            provisioningState: 'Succeeded',
            addressPrefix: `10.0.${i}.0/24`,
            delegations: [],
            privateEndpointNetworkPolicies: 'Disabled',
            privateLinkServiceNetworkPolicies: 'Enabled',
          },
        })),
      },
    });
  },
};

/** A `resourcechanges` row (what Resource Graph records for each ARM write). */
export function changeRow(
  targetResourceId: string,
  changeType: 'Create' | 'Update' | 'Delete',
  timestamp: string,
): Row {
  const sub = subOf(targetResourceId);
  return {
    id: `${targetResourceId}/providers/Microsoft.Resources/changes/08584${Date.parse(timestamp)}`,
    name: `08584${Date.parse(timestamp)}`,
    type: 'microsoft.resources/changes',
    tenantId: TENANT,
    kind: '',
    location: '',
    resourceGroup: targetResourceId.split('/')[4]?.toLowerCase() ?? '',
    subscriptionId: sub,
    managedBy: '',
    sku: null,
    plan: null,
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
    properties: {
      targetResourceType: targetResourceId.split('/').slice(6, 8).join('/').toLowerCase(),
      targetResourceId,
      changeType,
      changeAttributes: {
        timestamp,
        changesCount: 1,
        previousResourceSnapshotId: '08584a',
        newResourceSnapshotId: '08584b',
        correlationId: '3f2e1d0c-b9a8-4765-8432-10fedcba9876',
        changedByType: 'User',
        changedBy: 'ops@contoso.com',
        clientType: 'Azure Portal',
        operation: 'Microsoft.Storage/storageAccounts/write',
      },
      changes: {},
    },
  };
}
