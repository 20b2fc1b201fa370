import type { CoverageEvidence, InventorySnapshot } from '../../../core/model/coverage.ts';
import { scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { gcpReader, isPlainObject, str } from '../../shared/inventory-formats/index.ts';
import { describeError } from './errors.ts';
import type { Listing } from './list-assets.ts';

export const PROJECT_TYPE = 'cloudresourcemanager.googleapis.com/Project';

/** What to list and how to state coverage for it. */
export interface ParentPlan {
  parent: string;
  /** Coverage source and resource source: `gcp-cloud-asset:<target>:<parent>`. */
  source: string;
  /** The configured filter (empty = every type). */
  assetTypes: readonly string[];
  /** Project IDs known to live under this parent (config, earlier reads) for failure evidence. */
  known: readonly string[];
}

/** Asset types to ask for: folders/orgs also need Project assets, or their projects stay unknown. */
export function requestTypes(plan: Pick<ParentPlan, 'parent' | 'assetTypes'>): string[] {
  const types = [...plan.assetTypes];
  if (types.length > 0 && !plan.parent.startsWith('projects/') && !types.includes(PROJECT_TYPE))
    types.push(PROJECT_TYPE);
  return types;
}

// Cloud Asset accepts RE2 patterns in assetTypes (`compute.googleapis.com.*`); such a pattern is
// evidence only for the types it actually returned, a literal type for itself even when empty.
const isPattern = (t: string) => /[*+?()[\]{}|^$\\]/.test(t);

function nativeTypes(assetTypes: readonly string[], seen: Iterable<string>): '*' | string[] {
  if (assetTypes.length === 0) return '*';
  const patterns = assetTypes.filter(isPattern).map((p) => new RegExp(`^(?:${p})$`));
  const out = new Set(assetTypes.filter((t) => !isPattern(t)));
  for (const t of seen) if (patterns.some((re) => re.test(t))) out.add(t);
  return [...out].sort();
}

/** Project IDs named by the Project assets of a listing. */
export function projectsIn(assets: readonly Record<string, unknown>[]): string[] {
  const ids = new Set<string>();
  for (const a of assets) {
    if ((a.assetType ?? a.asset_type) !== PROJECT_TYPE) continue;
    const r = isPlainObject(a.resource) ? a.resource : undefined;
    const id = r && isPlainObject(r.data) ? str(r.data.projectId) : undefined;
    if (id) ids.add(id);
  }
  return [...ids];
}

const evidence = (
  scope: string,
  plan: ParentPlan,
  types: CoverageEvidence['nativeTypes'],
  reason?: string,
) => ({
  provider: 'gcp' as const,
  scope,
  nativeTypes: types,
  complete: reason === undefined,
  ...(reason === undefined ? {} : { reason }),
  source: plan.source,
});

/**
 * A listing → resources and evidence. Success: one complete entry per project (the parent itself,
 * or every project a folder/org listing named). Failure: no resources, and every project known to
 * be under the parent incomplete, plus an entry for the folder/org itself so the report shows it.
 */
export function parentSnapshot(plan: ParentPlan, listing: Listing): InventorySnapshot {
  const project = plan.parent.startsWith('projects/') ? plan.parent.slice('projects/'.length) : undefined;
  if (listing.error !== undefined)
    return failed(plan, listing, `${plan.parent}: ${describeError(listing.error)}`);
  let resources: LiveResource[];
  try {
    resources = gcpReader.read(listing.assets, { source: plan.source, cluster: '' }).resources;
  } catch (err) {
    return failed(plan, listing, describeError(err));
  }
  const scopes = new Set<string>();
  if (project) {
    // Everything a project listing returns is in that project, whatever number its names spell.
    for (const r of resources) r.scope = scopeKey.gcp(project);
    scopes.add(scopeKey.gcp(project));
  } else {
    for (const id of projectsIn(listing.assets)) scopes.add(scopeKey.gcp(id));
    for (const r of resources) scopes.add(r.scope);
    if (plan.assetTypes.length > 0 && !plan.assetTypes.includes(PROJECT_TYPE))
      resources = resources.filter((r) => r.nativeType !== PROJECT_TYPE);
  }
  const types = nativeTypes(plan.assetTypes, new Set(resources.map((r) => r.nativeType)));
  return { resources, coverage: [...scopes].sort().map((s) => evidence(s, plan, types)) };
}

function failed(plan: ParentPlan, listing: Listing, reason: string): InventorySnapshot {
  const types = nativeTypes(plan.assetTypes, []);
  if (plan.parent.startsWith('projects/'))
    return { resources: [], coverage: [evidence(scopeKey.gcp(plan.parent.slice(9)), plan, types, reason)] };
  const projects = new Set([...plan.known, ...projectsIn(listing.assets)]);
  const [kind, n] = plan.parent.split('/') as [string, string];
  const own = evidence(`gcp-${kind === 'folders' ? 'folder' : 'organization'}:${n}`, plan, types, reason);
  return {
    resources: [],
    coverage: [own, ...[...projects].sort().map((p) => evidence(scopeKey.gcp(p), plan, types, reason))],
  };
}
