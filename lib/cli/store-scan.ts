import { openLocalStore } from '../adapters/store/dynamodb/embedded.ts';
import type { ScanRecord } from '../core/model/drift-record.ts';
import { recordReport } from '../runtime/record-report.ts';

/** Records one finished scan in the local store (`scan --store`); loaded only when asked for. */
export async function recordInLocalStore(
  opts: { dir: string } & Parameters<typeof recordReport>[1],
): Promise<ScanRecord> {
  const { store, close } = await openLocalStore({ dir: opts.dir });
  try {
    return await recordReport(store, opts);
  } finally {
    await close();
  }
}
