import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { ResourceManagementClient } from '@azure/arm-resources';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { AzureScopesSchema } from '../../../core/config/scopes.ts';
import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { UsageError } from '../../../core/model/errors.ts';
import type { InventorySource } from '../../../core/ports/inventory-source.ts';
import { mapLimited } from '../../shared/retry/index.ts';
import { ApiVersions } from './api-versions.ts';
import { CallRunner } from './call-runner.ts';
import type { AzureResourceGraphInventoryOptions } from './options.ts';
import { readBatch } from './read-batch.ts';
import type { RereadResult } from './reread.ts';

/** What the last read() did: calls issued, retries, quota waits, re-reads. */
export interface AzureReadStats {
  calls: number;
  retries: number;
  quotaWaitsMs: number[];
  reread: (RereadResult | { error: string })[];
}

const DEFAULT_BATCH = 100;
const Guid = z.string().uuid();

/**
 * Live Azure inventory: every resource of the configured subscriptions through Resource Graph
 * (batched subscriptions, 1000-row pages), resources changed recently re-read through ARM.
 */
export class AzureResourceGraphInventory implements InventorySource {
  readonly name: string;
  readonly subscriptions: readonly string[];
  lastStats: AzureReadStats = { calls: 0, retries: 0, quotaWaitsMs: [], reread: [] };
  private readonly scopes;
  private readonly endpoint: string;

  constructor(private readonly o: AzureResourceGraphInventoryOptions) {
    const parsed = AzureScopesSchema.safeParse(o.scopes);
    if (!parsed.success) throw new UsageError(`azure scopes: ${parsed.error.issues[0]?.message}`, o.target);
    const all = [...new Set(parsed.data.subscriptions.map((s) => s.toLowerCase()))];
    const only = o.only?.toLowerCase();
    if (only !== undefined && !Guid.safeParse(only).success)
      throw new UsageError(`only: ${only} is not a subscription id`, o.target);
    if (only !== undefined && !all.includes(only))
      throw new UsageError(`only: subscription ${only} is not in the target's scopes`, o.target);
    this.scopes = parsed.data;
    this.subscriptions = only ? [only] : all;
    this.endpoint = (o.endpoint ?? 'https://management.azure.com').replace(/\/+$/, '');
    this.name = `azure-resource-graph:${o.target}${only ? `/${only}` : ''}`;
  }

  async read(): Promise<InventorySnapshot> {
    const credential = this.o.credential ?? this.defaultCredential();
    const runner = new CallRunner(this.o);
    const stats: AzureReadStats = { calls: 0, retries: 0, quotaWaitsMs: runner.quota.waits, reread: [] };
    // The SDKs' retry policies are off: CallRunner owns retries (injectable waits, counted).
    const graph = new ResourceGraphClient(credential, {
      baseUri: this.endpoint,
      noRetryPolicy: true,
      ...(this.o.httpClient?.resourceGraph ? { httpClient: this.o.httpClient.resourceGraph } : {}),
    });
    const armClients = new Map<string, ResourceManagementClient>();
    const arm = (sub: string) => {
      let c = armClients.get(sub);
      if (!c) {
        c = new ResourceManagementClient(credential, sub, {
          endpoint: this.endpoint,
          retryOptions: { maxRetries: 0 },
          ...(this.o.httpClient?.arm ? { httpClient: this.o.httpClient.arm } : {}),
        });
        armClients.set(sub, c);
      }
      return c;
    };
    const deps = {
      graph,
      arm,
      apiVersions: new ApiVersions(arm, runner),
      runner,
      source: this.name,
      rereadMinutes: this.scopes.rereadChangedWithinMinutes,
      concurrency: this.scopes.concurrency,
      onReread: (r: RereadResult | { error: string }) => stats.reread.push(r),
    };
    const size = Math.max(1, this.o.batchSize ?? DEFAULT_BATCH);
    const batches: string[][] = [];
    for (let i = 0; i < this.subscriptions.length; i += size)
      batches.push(this.subscriptions.slice(i, i + size));
    const parts = await mapLimited(batches, this.scopes.concurrency, (b) => readBatch(b, deps));
    this.lastStats = { ...stats, calls: runner.calls, retries: runner.retries };
    return { resources: parts.flatMap((p) => p.resources), coverage: parts.flatMap((p) => p.coverage) };
  }

  private defaultCredential(): TokenCredential {
    const tenantId = this.scopes.tenantId;
    return new DefaultAzureCredential(tenantId ? { tenantId } : {});
  }
}
