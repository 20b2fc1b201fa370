import { randomUUID } from 'node:crypto';
import { recordScan } from '../core/lifecycle/index.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import type { ScanRecord } from '../core/model/drift-record.ts';
import type { DriftReport } from '../core/model/report.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import type { DriftStore } from '../core/ports/drift-store.ts';
import { createFingerprint } from './fingerprint.ts';
import { resolutionFacts } from './resolution-context.ts';

/** Records one finished scan in a store: new scan id, keyed fingerprints, resolution facts from its inputs. */
export function recordReport(
  store: DriftStore,
  opts: {
    hashKey: string;
    target: string;
    startedAt: Date;
    report: DriftReport;
    states: readonly StateResource[];
    inventory: InventorySnapshot;
  },
): Promise<ScanRecord> {
  return recordScan(store, {
    target: opts.target,
    scanId: randomUUID(),
    startedAt: opts.startedAt,
    report: opts.report,
    fingerprint: createFingerprint(opts.hashKey),
    resolution: resolutionFacts(opts.states, opts.inventory),
  });
}
