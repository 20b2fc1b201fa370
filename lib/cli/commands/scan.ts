import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScan } from '../../core/engine/scan.ts';
import { defaultClassifier, defaultRegistry } from '../../runtime/compose.ts';
import { createHasher } from '../../runtime/hasher.ts';
import { combineTargetReports } from '../combine-reports.ts';
import { loadConfigFile } from '../config-file.ts';
import { scanConfigTargets, type TargetScan } from '../config-scan.ts';
import { loadOrCreateHashKey } from '../hash-key.ts';
import type { CliIo } from '../io.ts';
import { loadDesired, loadIgnore, loadInventory } from '../load-inputs.ts';
import { renderReport } from '../output/index.ts';
import { progressReporter } from '../progress.ts';
import { parseScanFlags, type ScanFlags } from './scan-flags.ts';

/** `driftwatch scan`: exit 0 no drift, 2 drift found (errors throw and exit 1). */
export async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseScanFlags(args);
  // A store compares hashes across scans, so it needs its stable key; a one-off scan does not.
  const storeDir = resolve(io.cwd, flags['store-dir']);
  const hashKey = flags.store ? loadOrCreateHashKey(storeDir, io.env) : io.env.DRIFTWATCH_HASH_KEY;
  const hasher = createHasher(hashKey);
  const progress = progressReporter(io);
  const scans = flags.config
    ? await scanConfigTargets(loadConfigFile(flags.config, io.cwd), {
        ...(flags.target ? { only: flags.target } : {}),
        hasher,
        env: io.env,
        stateCacheDir: resolve(storeDir, 'state-cache'),
        note: progress.note,
        notice: (line) => io.stderr(`${line}\n`),
      })
    : [await scanFlagInputs(flags, io, hasher, storeDir, progress)];
  progress.done();
  const report = combineTargetReports(scans.map((s) => s.report));
  const format = flags.format ?? (io.stdoutIsTty && !flags.out ? 'table' : 'json');
  const color = format === 'table' && io.stdoutIsTty && !flags.out && !flags['no-color'] && !io.env.NO_COLOR;
  // SARIF results need a file location for code scanning: the first declared source stands in.
  const sarifFallbackUri = flags.state[0] ?? flags.manifests[0] ?? flags.config;
  const text = renderReport(report, format, { color, ...(sarifFallbackUri ? { sarifFallbackUri } : {}) });
  if (flags.out) {
    writeFileSync(resolve(io.cwd, flags.out), text.endsWith('\n') ? text : `${text}\n`);
  } else {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  if (flags.store && hashKey) await recordScans(scans, storeDir, hashKey, flags, io);
  return report.drifts.length > 0 ? 2 : 0;
}

/** The flag-driven scan: --state/--tf-dir/--manifests against --inventory exports. */
async function scanFlagInputs(
  flags: ScanFlags,
  io: CliIo,
  hasher: ReturnType<typeof createHasher>,
  storeDir: string,
  progress: ReturnType<typeof progressReporter>,
): Promise<TargetScan> {
  progress.note('reading state');
  const states = await loadDesired(flags.state, flags.manifests, hasher, io.cwd, {
    tfDirs: flags['tf-dir'],
    env: io.env,
    stateCacheDir: resolve(storeDir, 'state-cache'),
    notice: (line) => io.stderr(`${line}\n`),
  });
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
  return { target: flags.target ?? 'default', startedAt, report, states, inventory };
}

async function recordScans(
  scans: TargetScan[],
  storeDir: string,
  hashKey: string,
  flags: ScanFlags,
  io: CliIo,
) {
  // Imported on demand: plain scans never load the DynamoDB client or the embedded server.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { recordInLocalStore } = await import('../store-scan.ts');
  for (const s of scans) {
    const scan = await recordInLocalStore({ dir: storeDir, hashKey, ...s });
    io.stderr(
      `recorded scan ${scan.scanId} (target ${s.target}) in ${flags['store-dir']}: ${scan.opened} opened, ${scan.changed} changed, ${scan.resolved} resolved\n`,
    );
  }
}
