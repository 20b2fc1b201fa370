import { SEVERITY_RANK, type Severity, SeveritySchema } from '../../../core/model/drift.ts';
import type { DriftRecord, DriftStatus } from '../../../core/model/drift-record.ts';
import type { DriftQuery } from '../../../core/ports/drift-store.ts';
import {
  categoryPartition,
  GSI,
  type IndexDef,
  providerPartition,
  scopePartition,
  sevPartition,
  targetPartition,
  typePartition,
} from './keys.ts';
import type { Partition } from './paged-query.ts';

const STATUSES: DriftStatus[] = ['active', 'acknowledged', 'resolved'];

export interface QueryPlan {
  parts: Partition[];
  /** Names the index and partitions so a cursor from another query is refused. */
  tag: string;
  /** Every filter re-checked on the item (the index serves one of them, the rest are post-filters). */
  matches: (r: DriftRecord) => boolean;
}

/** Severities at or above the minimum, highest first. */
export function severitiesFrom(min: Severity | undefined): Severity[] {
  return SeveritySchema.options.filter((s) => SEVERITY_RANK[s] >= SEVERITY_RANK[min ?? 'low']).reverse();
}

/**
 * Picks the index for a query: the most specific filter given (target, scope, type, category, provider)
 * else status × severity. Status is in every partition key, so the plan reads one partition per status
 * asked (all three when none) — and per severity for the severity index. `since` is a sort-key condition.
 */
export function planQuery(q: DriftQuery): QueryPlan {
  const statuses = q.status ? [q.status] : STATUSES;
  let index: IndexDef;
  let values: string[];
  if (q.target !== undefined)
    [index, values] = [GSI.g2, statuses.map((s) => targetPartition(q.target ?? '', s))];
  else if (q.scope !== undefined)
    [index, values] = [GSI.g4, statuses.map((s) => scopePartition(s, q.scope ?? ''))];
  else if (q.type !== undefined)
    [index, values] = [GSI.g5, statuses.map((s) => typePartition(s, q.type ?? ''))];
  else if (q.category !== undefined)
    [index, values] = [GSI.g6, statuses.map((s) => categoryPartition(s, q.category ?? ''))];
  else if (q.provider !== undefined)
    [index, values] = [GSI.g3, statuses.map((s) => providerPartition(s, q.provider ?? ''))];
  else {
    const sevs = severitiesFrom(q.severity);
    [index, values] = [GSI.g1, statuses.flatMap((s) => sevs.map((v) => sevPartition(s, v)))];
  }
  // Sort keys start with a UTC ISO time; an offset or date-only `since` is normalised to compare as text.
  const since = q.since ? normaliseSince(q.since) : undefined;
  const sk = since ? { op: '>=' as const, value: since } : undefined;
  const min = SEVERITY_RANK[q.severity ?? 'low'];
  return {
    parts: values.map((value) => ({ index, value, sk })),
    tag: `${index.name}:${values.join('|')}:${since ?? ''}`,
    matches: (r) =>
      (!q.status || r.status === q.status) &&
      (q.target === undefined || r.target === q.target) &&
      (q.scope === undefined || r.scope === q.scope) &&
      (q.type === undefined || r.type === q.type) &&
      (q.category === undefined || r.category === q.category) &&
      (q.provider === undefined || r.provider === q.provider) &&
      SEVERITY_RANK[r.severity] >= min &&
      (!since || r.lastChangedAt >= since),
  };
}

function normaliseSince(since: string): string {
  const t = Date.parse(since);
  return Number.isNaN(t) ? since : new Date(t).toISOString();
}
