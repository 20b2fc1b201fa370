import type { DriftRecord, Resolution } from '../model/drift-record.ts';
import type { DriftReport } from '../model/report.ts';
import { isSensitive } from '../model/sensitive.ts';
import { genericEqual } from '../normalize/generic-equal.ts';

/** What the lifecycle asks this scan's inputs to explain how a drift ended. Built by the caller from states + inventory. */
export interface ResolutionContext {
  /** The address is declared in this scan's states. */
  isDeclared(address: string): boolean;
  /** An item with this id is in this scan's live inventory. */
  isLive(resourceId: string): boolean;
  /** Desired value (sensitive ones sealed) at an attribute path of a declared resource. */
  desiredAt(address: string, path: string): unknown;
}

/**
 * True when this scan is evidence enough that the record's drift is gone: its scope was listed
 * completely, and (for a declared resource) the engine could check it at all.
 */
export function coveredCompletely(
  r: DriftRecord,
  report: DriftReport,
  notChecked: ReadonlySet<string>,
): boolean {
  if (r.kind !== 'unmanaged' && r.address !== null && notChecked.has(r.address)) return false;
  if (r.scope === undefined) return report.scopes.length > 0 && report.scopes.every((s) => s.complete);
  const matching = report.scopes.filter((s) => s.scope === r.scope);
  return matching.length > 0 && matching.every((s) => s.complete);
}

// A sensitive change's digest is `<desired hash>|<actual hash>`: the code now matches the live
// side when the desired side is sealed with the live side's hash.
function desiredMatchesActual(desired: unknown, change: DriftRecord['changes'][number]): boolean {
  if (change.sensitive) {
    const liveHash = change.digest?.split('|')[1];
    return !!liveHash && isSensitive(desired) && desired.$sensitive === liveHash;
  }
  return genericEqual(desired, change.actual);
}

/** How an open record's drift, absent from a complete scan, ended. */
export function resolutionOf(r: DriftRecord, ctx: ResolutionContext): Resolution {
  if (r.kind === 'unmanaged') return ctx.isLive(r.resourceId) ? 'state_updated' : 'resource_deleted';
  const address = r.address ?? r.identity;
  const declared = ctx.isDeclared(address);
  if (r.kind === 'missing') return declared ? 'fixed_live' : 'state_updated';
  if (!declared) return 'state_updated';
  const codeMatches =
    r.changes.length > 0 && r.changes.every((c) => desiredMatchesActual(ctx.desiredAt(address, c.path), c));
  if (codeMatches) return 'state_updated';
  if (!ctx.isLive(r.resourceId)) return 'resource_deleted';
  return 'fixed_live';
}
