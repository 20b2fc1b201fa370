import type { CoverageEvidence } from '../model/coverage.ts';
import type { Drift } from '../model/drift.ts';
import type { Provider } from '../model/provider.ts';
import type { DriftReport, NotChecked, ScopeReport } from '../model/report.ts';
import { stableStringify } from '../model/stable-json.ts';
import { buildReport } from './summarize.ts';

/** One shard's outcome: its report, or the error that stopped it (its scope then counts as incomplete). */
export type ShardOutcome =
  | { shardId: string; report: DriftReport }
  | { shardId: string; failed: { provider: Provider; scope: string; error: string } };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A shard retried after it wrote its report may appear twice: one outcome per shard id, the one
// whose canonical text sorts last, so the choice never depends on input order.
function onePerShard(shards: readonly ShardOutcome[]): ShardOutcome[] {
  const chosen = new Map<string, { o: ShardOutcome; text: string }>();
  for (const o of shards) {
    const text = stableStringify(o);
    const seen = chosen.get(o.shardId);
    if (!seen || byText(seen.text, text) < 0) chosen.set(o.shardId, { o, text });
  }
  return [...chosen.values()].map((c) => c.o).sort((a, b) => byText(a.shardId, b.shardId));
}

function driftKey(d: Drift): string {
  return `${d.kind}|${d.type}|${d.kind === 'unmanaged' || d.address === null ? d.id : d.address}`;
}

function uniqueDrifts(reports: readonly DriftReport[]): Drift[] {
  const out = new Map<string, { d: Drift; text: string }>();
  for (const d of reports.flatMap((r) => r.drifts)) {
    const text = stableStringify(d);
    const seen = out.get(driftKey(d));
    if (!seen || byText(seen.text, text) < 0) out.set(driftKey(d), { d, text });
  }
  return [...out.values()].map((v) => v.d);
}

// Every shard reads the whole state but one scope's inventory, so a resource of another scope is
// "not checked" there: it is not checked overall only when no shard checked it.
function notCheckedByAll(reports: readonly DriftReport[]): NotChecked[] {
  if (reports.length === 0) return [];
  const [first, ...rest] = reports as [DriftReport, ...DriftReport[]];
  const sets = rest.map((r) => new Set(r.notChecked.map((n) => n.address)));
  const out = new Map<string, NotChecked>();
  for (const n of first.notChecked) {
    if (sets.every((s) => s.has(n.address)) && !out.has(n.address)) out.set(n.address, n);
  }
  return [...out.values()];
}

function evidenceOf(scopes: readonly ScopeReport[]): CoverageEvidence[] {
  return scopes
    .map((s) => ({ ...s, source: 'shard' }))
    .sort((a, b) => byText(stableStringify(a), stableStringify(b)));
}

/** Merges the shard reports of one target into the target's report (pure, order-insensitive, idempotent). */
export function mergeShardReports(shards: readonly ShardOutcome[], generatedAt?: Date): DriftReport {
  const outcomes = onePerShard(shards);
  const reports = outcomes.flatMap((o) => ('report' in o ? [o.report] : []));
  const failedScopes: ScopeReport[] = outcomes.flatMap((o) =>
    'failed' in o
      ? [
          {
            provider: o.failed.provider,
            scope: o.failed.scope,
            complete: false,
            reason: o.failed.error,
            nativeTypes: [],
          },
        ]
      : [],
  );
  const latest = reports
    .map((r) => r.generatedAt)
    .sort(byText)
    .at(-1);
  return buildReport({
    drifts: uniqueDrifts(reports),
    managed: reports.reduce((n, r) => n + r.summary.managed, 0),
    notChecked: notCheckedByAll(reports),
    evidence: evidenceOf([...reports.flatMap((r) => r.scopes), ...failedScopes]),
    existenceOnly: new Set(reports.flatMap((r) => r.existenceOnly)),
    ignored: reports.reduce((n, r) => n + r.ignored, 0),
    generatedAt: generatedAt ?? (latest ? new Date(latest) : new Date(0)),
  });
}
