import { isPlainObject, str, stringMap, strOrNum } from './values.ts';

export const PROJECT_TYPE = 'cloudresourcemanager.googleapis.com/Project';

/** A Cloud Asset asset with both spellings folded: `gcloud asset list` camelCase, exportAssets snake_case. */
export interface AssetView {
  name: string;
  assetType: string;
  ancestors: string[];
  parent: string | undefined;
  data: Record<string, unknown> | null;
  updateTime: unknown;
  /** Labels of a `gcloud asset search-all-resources` result, which carries no resource data. */
  searchLabels?: Record<string, string>;
  displayName?: string | undefined;
}

/** Project number of an asset: from ancestors[0] (`projects/123`) or resource.parent. */
export function projectNumberOf(a: AssetView): string | undefined {
  const first = a.ancestors[0];
  const fromAncestors = first ? /^projects\/(\d+)$/.exec(first)?.[1] : undefined;
  return fromAncestors ?? (a.parent ? /\/projects\/(\d+)$/.exec(a.parent)?.[1] : undefined);
}

/** Project ID spelled in an asset name (`//compute.googleapis.com/projects/my-proj/...`), if not a number. */
export function projectIdInName(name: string): string | undefined {
  const id = /\/projects\/([^/]+)\//.exec(name)?.[1];
  return id && !/^\d+$/.test(id) ? id : undefined;
}

/**
 * Project number → project ID, learned from Project assets (data.projectNumber/projectId) and from
 * assets whose name spells the ID while ancestors[0] gives the number. Coverage scopes use the ID,
 * the way Terraform state names projects.
 */
export function learnProjectIds(assets: AssetView[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const a of assets) {
    if (a.assetType !== PROJECT_TYPE || !a.data) continue;
    const number = strOrNum(a.data.projectNumber);
    const id = str(a.data.projectId);
    if (number && id) ids.set(number, id);
  }
  for (const a of assets) {
    const number = projectNumberOf(a);
    const id = projectIdInName(a.name);
    if (number && id && !ids.has(number)) ids.set(number, id);
  }
  return ids;
}

/** Folds one raw asset (either spelling, or a TemporalAsset wrapper) into an AssetView; null if not one. */
export function assetView(raw: unknown): AssetView | null {
  if (!isPlainObject(raw)) return null;
  const name = str(raw.name);
  const assetType = str(raw.assetType) ?? str(raw.asset_type);
  if (!name || !assetType) return null;
  const resource = isPlainObject(raw.resource) ? raw.resource : undefined;
  const view: AssetView = {
    name,
    assetType,
    ancestors: Array.isArray(raw.ancestors)
      ? raw.ancestors.filter((x): x is string => typeof x === 'string')
      : [],
    parent: str(resource?.parent),
    data: resource && isPlainObject(resource.data) ? resource.data : null,
    updateTime: raw.updateTime ?? raw.update_time,
  };
  // search-all-resources: `project: projects/<number>`, labels at top level, no `resource`.
  const project = str(raw.project);
  if (!resource && project) {
    if (view.ancestors.length === 0) view.ancestors = [project];
    view.searchLabels = stringMap(raw.labels);
    view.displayName = str(raw.displayName);
  }
  return view;
}
