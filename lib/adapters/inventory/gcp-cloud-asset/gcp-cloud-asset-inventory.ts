import type { Storage } from '@google-cloud/storage';
import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import type { InventorySource } from '../../../core/ports/inventory-source.ts';
import { mapLimited } from '../../shared/retry/index.ts';
import { caller, type Tuning, tuning } from './caller.ts';
import { type AssetClient, createAssetClient, createStorage } from './clients.ts';
import { exportParent } from './export-assets.ts';
import { type Listing, listParent } from './list-assets.ts';
import type { GcpCloudAssetOptions } from './options.ts';
import { parentsToRead } from './options.ts';
import { type ParentPlan, parentSnapshot, projectsIn, requestTypes } from './parent-snapshot.ts';
import { RawPages } from './raw-pages.ts';

/**
 * Live GCP inventory from Cloud Asset Inventory: listAssets per project / folder / organization, or
 * for large scopes an exportAssets to GCS read back as streamed NDJSON. A scope that cannot be read
 * is reported incomplete with a one-line reason; read() itself never throws for it.
 */
export class GcpCloudAssetInventory implements InventorySource {
  readonly name: string;
  private readonly parents: string[];
  private readonly tuning: Tuning;
  private client: AssetClient | undefined;
  private storage: Storage | undefined;
  private readonly pages = new RawPages();
  /** Projects seen under each folder/org in earlier reads: who to mark incomplete when it fails. */
  private readonly seen = new Map<string, Set<string>>();

  constructor(private readonly opts: GcpCloudAssetOptions & { storage?: Storage; now?: () => Date }) {
    this.parents = parentsToRead(opts);
    this.tuning = tuning(opts);
    this.name = `gcp-cloud-asset:${opts.target}${opts.only ? `:${opts.only}` : ''}`;
  }

  /** Reads every parent (at most `scopes.concurrency` at once) and merges them, first copy of an asset wins. */
  async read(): Promise<InventorySnapshot> {
    const snapshots = await mapLimited(this.parents, this.opts.scopes.concurrency, (p) => this.readParent(p));
    const resources: LiveResource[] = [];
    const ids = new Set<string>();
    for (const s of snapshots) {
      for (const r of s.resources) {
        if (ids.has(r.id)) continue; // a project listed itself and through its folder
        ids.add(r.id);
        resources.push(r);
      }
    }
    return { resources, coverage: snapshots.flatMap((s) => s.coverage) };
  }

  private async readParent(parent: string): Promise<InventorySnapshot> {
    const plan: ParentPlan = {
      parent,
      source: `gcp-cloud-asset:${this.opts.target}:${parent}`,
      assetTypes: this.opts.scopes.assetTypes,
      known: [...(this.opts.knownProjects?.[parent] ?? []), ...(this.seen.get(parent) ?? [])],
    };
    const listing = await this.list(parent, requestTypes(plan));
    if (!parent.startsWith('projects/')) {
      const set = this.seen.get(parent) ?? new Set<string>();
      for (const p of projectsIn(listing.assets)) set.add(p);
      this.seen.set(parent, set);
    }
    return parentSnapshot(plan, listing);
  }

  private list(parent: string, types: string[]): Promise<Listing> {
    const call = caller(this.opts, this.tuning);
    this.client ??= createAssetClient(this.opts, this.tuning.timeoutMs, this.pages);
    const exportTo = this.opts.scopes.exportTo;
    const mode = this.opts.useExport ?? 'auto';
    const large = !parent.startsWith('projects/');
    if (exportTo && (mode === 'always' || (mode === 'auto' && large))) {
      this.storage ??= this.opts.storage ?? createStorage();
      const deps = { client: this.client, storage: this.storage, call, tuning: this.tuning };
      return exportParent({ ...deps, now: this.opts.now ?? (() => new Date()) }, parent, exportTo, types);
    }
    return listParent(this.client, call, parent, types, this.pages);
  }

  /** Closes the client's connections (long-lived processes reuse one instance and never call it). */
  async close(): Promise<void> {
    await this.client?.close();
  }
}
