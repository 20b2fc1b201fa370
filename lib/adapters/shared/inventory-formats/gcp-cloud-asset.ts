import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { coverageOf } from './coverage-evidence.ts';
import {
  type AssetView,
  assetView,
  learnProjectIds,
  PROJECT_TYPE,
  projectIdInName,
  projectNumberOf,
} from './gcp-projects.ts';
import { type FormatReader, fail, type ReadContext } from './reader.ts';
import { distinct, isPlainObject, lastSegment, str, stringMap, strOrNum, toIso } from './values.ts';

function isAsset(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  if (isPlainObject(v.asset) && isPlainObject(v.window)) return isAsset(v.asset);
  return typeof v.name === 'string' && (typeof v.assetType === 'string' || typeof v.asset_type === 'string');
}

/**
 * GCP Cloud Asset Inventory: `gcloud asset list --content-type=resource --format=json` (array,
 * camelCase), exportAssets output (NDJSON, snake_case; arrives here as an array), the ListAssets REST
 * response (`{assets, nextPageToken}`), TemporalAssets (`{asset, window, deleted}`) from history, and
 * `gcloud asset search-all-resources` results (identity, scope and labels only: no attributes).
 */
export const gcpReader: FormatReader = {
  matches(doc) {
    if (Array.isArray(doc)) return doc.length > 0 && isAsset(doc[0]);
    if (!isPlainObject(doc)) return false;
    return (Array.isArray(doc.assets) && (doc.assets.length === 0 || isAsset(doc.assets[0]))) || isAsset(doc);
  },
  read(doc, ctx) {
    if (Array.isArray(doc)) return assets(doc, ctx);
    const d = doc as Record<string, unknown>;
    if (!Array.isArray(d.assets)) return assets([d], ctx);
    const why = str(d.nextPageToken) ? 'ListAssets output is one page (nextPageToken present)' : undefined;
    return assets(d.assets, ctx, why);
  },
};

interface Entry {
  view: AssetView;
  deleted: boolean;
  capturedAt: unknown;
}

function assets(list: unknown[], ctx: ReadContext, incomplete?: string): InventorySnapshot {
  const entries: Entry[] = [];
  list.forEach((raw, i) => {
    const temporal = isPlainObject(raw) && isPlainObject(raw.asset) && isPlainObject(raw.window);
    const view = assetView(temporal ? raw.asset : raw);
    if (!view) fail(ctx, `asset ${i + 1} has no name and assetType`);
    const window = temporal ? (raw.window as Record<string, unknown>) : undefined;
    entries.push({
      view,
      deleted: temporal && raw.deleted === true,
      capturedAt: window ? (window.startTime ?? window.start_time) : view.updateTime,
    });
  });
  const projectIds = learnProjectIds(entries.map((e) => e.view));
  const resources: LiveResource[] = [];
  for (const e of entries) {
    // Assets exported with another content type (IAM policy, org policy) carry no resource data.
    if (!e.view.data && !e.deleted && !e.view.searchLabels) continue;
    resources.push(toLive(e, projectIds, ctx));
  }
  return { resources, coverage: coverageOf(resources, ctx.source, incomplete) };
}

function projectOf(a: AssetView, projectIds: Map<string, string>): string {
  if (a.assetType === PROJECT_TYPE && a.data && str(a.data.projectId)) return a.data.projectId as string;
  const number = projectNumberOf(a);
  if (number && projectIds.has(number)) return projectIds.get(number)!;
  return projectIdInName(a.name) ?? number ?? a.ancestors[0] ?? 'unknown';
}

function toLive(e: Entry, projectIds: Map<string, string>, ctx: ReadContext): LiveResource {
  const { view: a } = e;
  const data = a.data;
  const project = projectOf(a, projectIds);
  const number = projectNumberOf(a);
  const out: LiveResource = {
    provider: 'gcp',
    nativeType: a.assetType,
    id: a.name,
    ids: identities(a, project, number),
    name: str(data?.name) ?? str(data?.displayName) ?? a.displayName ?? lastSegment(a.name),
    scope: scopeKey.gcp(project),
    attributes: data,
    tags: a.searchLabels ?? (data ? labelsOf(data) : null),
    capturedAt: toIso(e.capturedAt),
    source: ctx.source,
  };
  if (e.deleted) out.deleted = true;
  return out;
}

// Terraform spells the same resource as a self link, a `projects/<id>/...` path, a numeric id or an
// email; the engine normalizes prefixes, this just offers every raw form the asset knows.
function identities(a: AssetView, project: string, number: string | undefined): string[] {
  const d = a.data ?? {};
  const forms = [a.name, str(d.selfLink), strOrNum(d.id)];
  const dataName = str(d.name);
  if (dataName?.includes('/')) forms.push(dataName);
  forms.push(str(d.email), strOrNum(d.uniqueId));
  if (a.assetType === PROJECT_TYPE)
    forms.push(`projects/${project}`, number && `projects/${number}`, project);
  // Some services name assets by project number (serviceusage, logging); Terraform uses the ID.
  else if (number && project !== number && a.name.includes(`/projects/${number}/`)) {
    forms.push(a.name.replace(`/projects/${number}/`, `/projects/${project}/`));
  }
  return distinct(forms);
}

// Knative-shaped resources (Cloud Run v1 services, jobs) keep their labels in metadata.labels.
function labelsOf(data: Record<string, unknown>): Record<string, string> {
  if (data.labels === undefined && typeof data.apiVersion === 'string' && isPlainObject(data.metadata))
    return stringMap(data.metadata.labels);
  return stringMap(data.labels);
}
