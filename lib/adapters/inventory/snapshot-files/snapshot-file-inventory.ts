import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import type { InventorySource } from '../../../core/ports/inventory-source.ts';
import { coverageOf } from '../../shared/inventory-formats/coverage-evidence.ts';
import type { InventoryReadOptions } from '../../shared/inventory-formats/parse-inventory-text.ts';
import { isPlainObject, str, strOrNum } from '../../shared/inventory-formats/values.ts';
import { readInventoryFile } from './read-inventory-file.ts';

/** Live inventory from one or more export files (`--inventory a.json --inventory b.ndjson`). */
export class SnapshotFileInventory implements InventorySource {
  readonly name: string;

  constructor(
    private readonly paths: readonly string[],
    private readonly opts: InventoryReadOptions = {},
  ) {
    this.name = paths.join(', ');
  }

  /** Reads every file; resources and coverage are concatenated (the engine picks newest captures). */
  async read(): Promise<InventorySnapshot> {
    const snapshots: InventorySnapshot[] = [];
    for (const p of this.paths) snapshots.push(await readInventoryFile(p, this.opts));
    return rescopeGcpProjects(snapshots);
  }
}

/**
 * A GCP export split over files may name a project by number in one file and carry its Project asset
 * (number → ID) in another; scopes and evidence are rewritten to the ID so they meet Terraform's.
 */
export function rescopeGcpProjects(snapshots: InventorySnapshot[]): InventorySnapshot {
  const resources = snapshots.flatMap((s) => s.resources);
  const ids = new Map<string, string>();
  for (const r of resources) {
    if (r.nativeType !== 'cloudresourcemanager.googleapis.com/Project' || !isPlainObject(r.attributes))
      continue;
    const number = strOrNum(r.attributes.projectNumber);
    const id = str(r.attributes.projectId);
    if (number && id) ids.set(scopeKey.gcp(number), scopeKey.gcp(id));
  }
  const coverage = snapshots.flatMap((s) => s.coverage);
  if (ids.size === 0) return { resources, coverage };
  const movedSources = new Set<string>();
  const rescoped: LiveResource[] = resources.map((r) => {
    const to = r.provider === 'gcp' ? ids.get(r.scope) : undefined;
    if (!to) return r;
    movedSources.add(r.source);
    return { ...r, scope: to };
  });
  // A file whose GCP scopes moved gets its GCP evidence rebuilt, keeping its completeness.
  const out = coverage.filter((c) => !(c.provider === 'gcp' && movedSources.has(c.source)));
  for (const source of movedSources) {
    const old = coverage.find((c) => c.provider === 'gcp' && c.source === source && !c.complete);
    const fromFile = rescoped.filter((r) => r.provider === 'gcp' && r.source === source);
    out.push(...coverageOf(fromFile, source, old ? (old.reason ?? 'incomplete listing') : undefined));
  }
  return { resources: rescoped, coverage: out };
}
