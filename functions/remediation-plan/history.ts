import type { DriftStore } from '../../lib/core/ports/drift-store.ts';
import { ConflictError } from '../../lib/core/ports/drift-store.ts';
import { type RemediationHistoryInput, remediationHistoryWrite } from '../../lib/core/remediation/history.ts';

/**
 * Appends one remediation event to the drift's history. A scan landing in between bumps the
 * version: re-read and retry (a few times). A drift purged meanwhile has no history to append to.
 */
export async function appendRemediationHistory(
  store: DriftStore,
  driftId: string,
  input: RemediationHistoryInput,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const record = await store.get(driftId);
    if (!record) return false;
    try {
      await store.apply([remediationHistoryWrite(record, input)]);
      return true;
    } catch (err) {
      const conflict = err instanceof ConflictError || (err instanceof Error && err.name === 'ConflictError');
      if (!conflict || attempt >= 4) throw err;
    }
  }
}
