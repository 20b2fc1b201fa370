import { scanFailedEvent } from '../../lib/core/events/index.ts';
import type { ScanDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/errors.ts';
import { recordScanId } from '../shared/keys.ts';
import { caughtErrorText, ScanFailedInputSchema } from './inputs.ts';
import { alreadyPublished, publishThroughOutbox } from './outbox.ts';

export interface ScanFailedOutput {
  scanId: string;
  status: 'failed';
  error: string;
}

/**
 * ScanFailed: the Catch of Plan, Map or Finalize. Marks the scan's records that are still running
 * as failed (a target Finalize already recorded stays completed) and publishes ScanFailed once.
 */
export async function runScanFailed(raw: unknown, deps: ScanDeps): Promise<ScanFailedOutput> {
  const input = parseInput(ScanFailedInputSchema, raw, 'scan failed input');
  const error = caughtErrorText(input.error);
  const now = deps.now().toISOString();
  const whole = await deps.store.getScan(input.scanId);
  // A `*` scan records each target under its own id too: every configured target may be running.
  const targets =
    input.targets ??
    (whole?.target === '*' ? deps.config.targets.map((t) => t.name) : whole ? [whole.target] : []);
  const ids = new Map<string, string>([[input.scanId, whole?.target ?? input.target ?? '*']]);
  for (const t of targets) ids.set(recordScanId(input.scanId, t, targets), t);
  for (const [id, target] of ids) {
    const rec = id === input.scanId ? whole : await deps.store.getScan(id);
    if (rec && rec.status !== 'running') continue;
    await deps.store.putScan({
      scanId: id,
      target,
      status: 'failed',
      startedAt: rec?.startedAt ?? input.startedAt ?? now,
      finishedAt: now,
      scopes: rec?.scopes ?? [],
      incompleteScopes: rec?.incompleteScopes ?? [],
      opened: rec?.opened ?? 0,
      resolved: rec?.resolved ?? 0,
      changed: rec?.changed ?? 0,
      error,
    });
  }
  if (!(await alreadyPublished(deps, input.scanId, 'scan-failed'))) {
    const target = ids.get(input.scanId) ?? '*';
    await publishThroughOutbox(deps, input.scanId, 'scan-failed', [
      scanFailedEvent({ scanId: input.scanId, target, at: now, error }),
    ]);
  }
  deps.logger.error('scan failed', { scanId: input.scanId, error });
  return { scanId: input.scanId, status: 'failed', error };
}
