// Display formatting shared by the views; times are shown in UTC so every reader sees the same.

/** `2026-11-24 05:17:38 UTC`, or an em dash when absent. */
export function formatTime(iso) {
  if (!iso) return '—';
  return `${iso.replace('T', ' ').slice(0, 19)} UTC`;
}

/** 0.8 → "80%". */
export function percent(ratio) {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** An attribute value: strings as they are (so "(sensitive)" stays exactly that), anything else as JSON. */
export function formatValue(value) {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** The name a drift is best known by: its address, else the live resource id. */
export function driftName(drift) {
  return drift.address ?? drift.resourceId;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'];
export const STATUSES = ['active', 'acknowledged', 'resolved'];
export const PROVIDERS = ['aws', 'azure', 'gcp', 'kubernetes'];
export const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 };

/** Whether a scan covered everything it should have. */
export function scanComplete(scan) {
  return (
    scan.status === 'completed' && (scan.summary?.complete ?? false) && scan.incompleteScopes.length === 0
  );
}
