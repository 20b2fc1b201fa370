import { compareResource } from '../diff/compare.ts';
import type { ResourceMapping } from '../mapping/types.ts';
import { type CoverageIndex, scopeMatches } from '../match/coverage-index.ts';
import type { LiveIndex } from '../match/live-index.ts';
import type { Drift } from '../model/drift.ts';
import { normalizeIdentity } from '../model/identity.ts';
import type { LiveResource } from '../model/live-resource.ts';
import type { NotChecked } from '../model/report.ts';
import type { StateResource } from '../model/state-resource.ts';
import { desiredId, desiredType } from './drift-id.ts';
import { SourceScopes } from './source-scope.ts';
import { SupersededPaths } from './superseded-paths.ts';
import type { ScanInput } from './types.ts';

/** What the pass over declared resources found. */
export interface DesiredPassResult {
  drifts: Drift[];
  notChecked: NotChecked[];
  /** Live items accounted for: matched, parents of facets, or children of managed resources. */
  claimed: Set<LiveResource>;
  /** Normalized identities claimed as children (matched lazily against live items). */
  childIds: Set<string>;
  managed: number;
  ignored: number;
  existenceOnly: Set<string>;
}

const PROGRESS_EVERY = 5_000;

/** Matches every declared resource to its live item and reports changed / missing / not checked. */
export function desiredPass(input: ScanInput, live: LiveIndex, coverage: CoverageIndex): DesiredPassResult {
  const out: DesiredPassResult = {
    drifts: [],
    notChecked: [],
    claimed: new Set(),
    childIds: new Set(),
    managed: 0,
    ignored: 0,
    existenceOnly: new Set(),
  };
  const ctx = { hasher: input.hasher };
  const pending: {
    mapping: ResourceMapping;
    res: StateResource;
    item: LiveResource;
    changes: Drift['changes'];
  }[] = [];
  const superseded = new SupersededPaths();
  const sourceScopes = new SourceScopes(input.states);
  const total = input.states.length;
  input.states.forEach((res, i) => {
    if (input.onProgress && i % PROGRESS_EVERY === 0) input.onProgress(i, total);
    // Data sources read, they do not declare; provider-less types (null_resource) have no live side.
    if (res.mode !== 'managed' || res.cloud === null) return;
    const mapping = input.registry.get(res.type);
    if (!mapping) {
      out.notChecked.push(notChecked(res, null, `no mapping for ${res.type}`));
      return;
    }
    if (mapping.role === 'association') return;
    const provider = mapping.provider;
    const ids = normalizedIdentities(provider, mapping.identities(res));
    for (const child of mapping.children?.(res) ?? [])
      out.childIds.add(`${provider}|${normalizeIdentity(provider, child)}`);
    if (ids.length === 0) {
      out.notChecked.push(notChecked(res, mapping, 'no identity in state'));
      return;
    }
    const nativeTypes = nativeTypesOf(mapping, res);
    if (nativeTypes.length === 0) {
      out.notChecked.push(notChecked(res, mapping, `no inventory lists ${res.type}`));
      return;
    }
    // Rule *identity order*: the most specific identity (ARN, ARM id, asset name) matches anywhere;
    // a fallback one (a bare name) only within the resource's own scope, so a same-named queue in
    // another region is never taken for this one.
    // The scope is worked out only when needed: most resources match by their first identity.
    let scope: string | null | undefined;
    const scopeOf = () => {
      if (scope === undefined) scope = sourceScopes.fill(mapping.scope?.(res) ?? null, res);
      return scope;
    };
    const item = live.find(provider, ids, nativeTypes, (r) => {
      const s = scopeOf();
      return s === null || scopeMatches(s, r.scope);
    });
    // Deposed objects are leftovers awaiting destroy: they keep their live item claimed, nothing more.
    if (res.deposed !== undefined) {
      if (item) out.claimed.add(item);
      return;
    }
    if (item) {
      out.claimed.add(item);
      for (const sup of mapping.supersedes ?? []) superseded.add(item, sup.terraformType, sup.paths);
      if (mapping.role !== 'facet') out.managed++;
      if (mapping.attributes.length === 0) out.existenceOnly.add(res.type);
      const changes = compareResource(mapping, res, item, ctx);
      if (changes.length > 0) pending.push({ mapping, res, item, changes });
      return;
    }
    // A facet describes another resource's item; when that is gone, the parent reports it.
    if (mapping.role === 'facet') return;
    const verdict = coverage.check(provider, scopeOf(), nativeTypes);
    if (!verdict.covered) {
      out.notChecked.push(notChecked(res, mapping, verdict.reason));
      return;
    }
    const missing: Drift = {
      kind: 'missing',
      provider,
      type: desiredType(res),
      address: res.address,
      id: desiredId(res, mapping),
      ...input.classify({ provider, type: res.type, kind: 'missing', changes: [] }),
      changes: [],
      scope: verdict.scope,
      nativeType: nativeTypes[0],
    };
    if (input.ignore?.isIgnored(missing, [res.type])) out.ignored++;
    else out.drifts.push(missing);
  });
  input.onProgress?.(total, total);
  for (const p of pending) {
    const changes = superseded.filter(p.item, p.res.type, p.changes);
    const drift = changedDrift(input, p.mapping, p.res, p.item, changes);
    if (drift === 'ignored') out.ignored++;
    else if (drift) out.drifts.push(drift);
  }
  return out;
}

/** Native types of the live item; manifest mappings ('*') take it from the object itself. */
function nativeTypesOf(mapping: ResourceMapping, res: StateResource): readonly string[] {
  if (!mapping.nativeTypes.includes('*')) return mapping.nativeTypes;
  const t = desiredType(res);
  return t === res.type ? mapping.nativeTypes : [t];
}

function changedDrift(
  input: ScanInput,
  mapping: ResourceMapping,
  res: StateResource,
  item: LiveResource,
  changes: Drift['changes'],
): Drift | 'ignored' | null {
  if (changes.length === 0) return null;
  const base = { type: desiredType(res), id: item.id, address: res.address };
  if (input.ignore?.isIgnored(base, [res.type])) return 'ignored';
  const kept = input.ignore ? input.ignore.filterChanges(base, changes) : changes;
  if (kept.length === 0) return 'ignored';
  return {
    kind: 'changed',
    provider: mapping.provider,
    ...base,
    // Manifest objects classify by their kind (v1/ConfigMap), Terraform resources by their type.
    ...input.classify({ provider: mapping.provider, type: base.type, kind: 'changed', changes: kept }),
    changes: kept,
    scope: item.scope,
    nativeType: item.nativeType,
  };
}

/** Normalized identities; copies the mapping's array only when normalization changes an entry. */
function normalizedIdentities(
  provider: ResourceMapping['provider'],
  raw: readonly string[],
): readonly string[] {
  let ids = raw;
  for (let i = 0; i < raw.length; i++) {
    const n = normalizeIdentity(provider, raw[i]!);
    if (n === raw[i]) continue;
    if (ids === raw) ids = raw.slice();
    (ids as string[])[i] = n;
  }
  return ids;
}

function notChecked(res: StateResource, mapping: ResourceMapping | null, reason: string): NotChecked {
  return {
    address: res.address,
    type: desiredType(res),
    id: mapping ? desiredId(res, mapping) : res.id,
    reason,
  };
}
