import {
  type GcpCall,
  GcpCloudAssetInventory,
  type GcpCloudAssetOptions,
} from '../../../../../lib/adapters/inventory/gcp-cloud-asset/index.ts';
import { GcpScopesSchema } from '../../../../../lib/core/config/scopes.ts';
import { fakeGcpAuth, type GcpApiServer, type ProjectRef } from '../../../../fakes/gcp-api-server.ts';

export const FOLDER = '283746519203';
export const ORG = '998877665544';
export const SHOP: ProjectRef = {
  id: 'acme-shop-prod',
  number: '412345678901',
  folder: FOLDER,
  organization: ORG,
};
export const DATA: ProjectRef = {
  id: 'acme-data-prod',
  number: '412345678902',
  folder: FOLDER,
  organization: ORG,
};
export const OPS: ProjectRef = { id: 'acme-ops-prod', number: '412345678903', organization: ORG };

/** What a test run saw: every call, every retry with its delay, every sleep. */
export interface Trace {
  calls: GcpCall[];
  retries: Array<{ call: GcpCall; delayMs: number }>;
  sleeps: number[];
}

/** An inventory pointed at the fake, with instant sleeps, a fixed jitter (0.5) and a trace. */
export function inventory(
  fake: GcpApiServer,
  scopes: Record<string, unknown>,
  extra: Partial<GcpCloudAssetOptions> & { now?: () => Date } = {},
): { inv: GcpCloudAssetInventory; trace: Trace } {
  const trace: Trace = { calls: [], retries: [], sleeps: [] };
  const inv = new GcpCloudAssetInventory({
    target: 'acme',
    scopes: GcpScopesSchema.parse(scopes),
    auth: fakeGcpAuth,
    apiEndpoint: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
    onCall: (c) => trace.calls.push(c),
    ...extra,
    retry: {
      attempts: 4,
      baseMs: 100,
      maxMs: 2000,
      timeoutMs: 2000,
      pollMs: 2000,
      sleep: async (ms) => void trace.sleeps.push(ms),
      random: () => 0.5,
      onRetry: (call, delayMs) => trace.retries.push({ call, delayMs }),
      ...extra.retry,
    },
  });
  return { inv, trace };
}

/** Coverage as `[scope, complete, reason?]` rows, sorted: easy to assert exactly. */
export function coverageRows(c: { scope: string; complete: boolean; reason?: string }[]): string[][] {
  return c
    .map((e) => (e.reason ? [e.scope, String(e.complete), e.reason] : [e.scope, String(e.complete)]))
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}
