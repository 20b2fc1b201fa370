/** What one scan did to a target's drift records. */
export interface ScanCounts {
  opened: number;
  changed: number;
  resolved: number;
  reopened: number;
  unchanged: number;
  expired: number;
}

/** Counts nothing: the start of every plan. */
export function emptyCounts(): ScanCounts {
  return { opened: 0, changed: 0, resolved: 0, reopened: 0, unchanged: 0, expired: 0 };
}
