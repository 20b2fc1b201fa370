import { randomUUID } from 'node:crypto';
import { openLocalStore } from '../adapters/store/dynamodb/embedded.ts';
import { recordScan } from '../core/lifecycle/index.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import type { ScanRecord } from '../core/model/drift-record.ts';
import type { DriftReport } from '../core/model/report.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import { createFingerprint } from './fingerprint.ts';
import { resolutionFacts } from './resolution-context.ts';

/** Records one finished scan in the local store (`scan --store`); loaded only when asked for. */
export async function recordInLocalStore(opts: {
  dir: string;
  hashKey: string;
  target: string;
  startedAt: Date;
  report: DriftReport;
  states: readonly StateResource[];
  inventory: InventorySnapshot;
}): Promise<ScanRecord> {
  const { store, close } = await openLocalStore({ dir: opts.dir });
  try {
    return await recordScan(store, {
      target: opts.target,
      scanId: randomUUID(),
      startedAt: opts.startedAt,
      report: opts.report,
      fingerprint: createFingerprint(opts.hashKey),
      resolution: resolutionFacts(opts.states, opts.inventory),
    });
  } finally {
    await close();
  }
}
