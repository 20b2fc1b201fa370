import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScan } from '../../core/engine/scan.ts';
import { defaultClassifier, defaultRegistry } from '../../runtime/compose.ts';
import { loadOrCreateHashKey } from '../hash-key.ts';
import { createHasher } from '../../runtime/hasher.ts';
import type { CliIo } from '../io.ts';
import { loadDesired, loadIgnore, loadInventory } from '../load-inputs.ts';
import { renderReport } from '../output/index.ts';
import { progressReporter } from '../progress.ts';
import { parseScanFlags } from './scan-flags.ts';

/** `driftwatch scan`: exit 0 no drift, 2 drift found (errors throw and exit 1). */
export async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseScanFlags(args);
  // A store compares hashes across scans, so it needs its stable key; a one-off scan does not.
  const storeDir = resolve(io.cwd, flags['store-dir']);
  const hashKey = flags.store ? loadOrCreateHashKey(storeDir, io.env) : io.env.DRIFTWATCH_HASH_KEY;
  const hasher = createHasher(hashKey);
  const progress = progressReporter(io);
  progress.note('reading state');
  const states = await loadDesired(flags.state, flags.manifests, hasher, io.cwd);
  progress.note('reading inventory');
  const inventory = await loadInventory(flags.inventory, flags.cluster, io.cwd);
  const ignore = loadIgnore(flags.ignore, io.cwd);
  const startedAt = new Date();
  const report = runScan({
    states,
    inventory,
    registry: defaultRegistry(),
    hasher,
    classify: defaultClassifier,
    ...(ignore ? { ignore } : {}),
    onProgress: progress.step,
    now: () => startedAt,
  });
  progress.done();
  const format = flags.format ?? (io.stdoutIsTty && !flags.out ? 'table' : 'json');
  const color = format === 'table' && io.stdoutIsTty && !flags.out && !flags['no-color'] && !io.env.NO_COLOR;
  // SARIF results need a file location for code scanning: the first declared source stands in.
  const sarifFallbackUri = flags.state[0] ?? flags.manifests[0];
  const text = renderReport(report, format, { color, ...(sarifFallbackUri ? { sarifFallbackUri } : {}) });
  if (flags.out) {
    writeFileSync(resolve(io.cwd, flags.out), text.endsWith('\n') ? text : `${text}\n`);
  } else {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  if (flags.store && hashKey) {
    // Imported on demand: plain scans never load the DynamoDB client or the embedded server.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { recordInLocalStore } = await import('../store-scan.ts');
    const scan = await recordInLocalStore({
      dir: storeDir,
      hashKey,
      target: flags.target,
      startedAt,
      report,
      states,
      inventory,
    });
    io.stderr(
      `recorded scan ${scan.scanId} (target ${flags.target}) in ${flags['store-dir']}: ${scan.opened} opened, ${scan.changed} changed, ${scan.resolved} resolved\n`,
    );
  }
  return report.drifts.length > 0 ? 2 : 0;
}
