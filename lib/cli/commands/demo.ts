import { resolve } from 'node:path';
import { z } from 'zod';
import { openLocalStore } from '../../adapters/store/dynamodb/embedded.ts';
import { parseFlags } from '../flags.ts';
import { loadOrCreateHashKey } from '../hash-key.ts';
import type { CliIo } from '../io.ts';
import { exampleTargets, localScanRunner } from '../local-scan-runner.ts';
import { renderReport } from '../output/index.ts';

const DemoFlagsSchema = z.object({
  'store-dir': z.string().min(1).default('.driftwatch'),
  examples: z.string().min(1).default('examples'),
  'no-color': z.boolean().default(false),
  positionals: z.array(z.string()).max(0, 'unexpected argument'),
});

/** `driftwatch demo`: scan the bundled examples into the embedded store, fix them, scan again. */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    'demo',
    args,
    { 'store-dir': { type: 'string' }, examples: { type: 'string' }, 'no-color': { type: 'boolean' } },
    DemoFlagsSchema,
  );
  const dir = resolve(io.cwd, flags['store-dir']);
  const examples = resolve(io.cwd, flags.examples);
  const hashKey = loadOrCreateHashKey(dir, io.env);
  const color = io.stdoutIsTty && !flags['no-color'] && !io.env.NO_COLOR;
  const { store, close } = await openLocalStore({ dir });
  try {
    const runPhase = async (phase: 'drifted' | 'fixed') => {
      const targets = exampleTargets(examples, phase);
      const run = localScanRunner({ store, hashKey, cwd: io.cwd, targets, defaultTarget: 'example-aws' });
      const results = [];
      for (const target of Object.keys(targets)) results.push({ target, ...(await run({ target })) });
      return results;
    };
    io.stdout(
      `driftwatch demo — four example estates (AWS, Azure, GCP, Kubernetes); store in ${flags['store-dir']}/\n\n`,
    );
    io.stdout('1. Scanning the live inventories as they are now\n\n');
    const first = await runPhase('drifted');
    for (const r of first) io.stdout(`── ${r.target} ──\n${renderReport(r.report, 'table', { color })}\n`);
    const found = first.reduce((n, r) => n + r.report.drifts.length, 0);
    const opened = first.reduce((n, r) => n + r.scan.opened, 0);
    io.stdout(`${found} drifts found, ${opened} newly opened in the store.\n\n`);

    io.stdout(
      '2. Applying the example fix (values put back, missing resources recreated, unmanaged ones deleted) and scanning again\n\n',
    );
    const second = await runPhase('fixed');
    const resolved = second.reduce((n, r) => n + r.scan.resolved, 0);
    const left = second.reduce((n, r) => n + r.report.drifts.length, 0);
    for (const r of second)
      io.stdout(`  ${r.target.padEnd(20)} ${r.scan.resolved} resolved, ${r.report.drifts.length} left\n`);
    io.stdout(`\n${resolved} drifts resolved, ${left} left.\n\n`);

    io.stdout(
      `3. Browse them:\n     npx driftwatch serve --store-dir ${flags['store-dir']}\n` +
        '   then GET http://127.0.0.1:8080/drifts?status=resolved, /drifts/{id}/history, /stats\n',
    );
    return 0;
  } finally {
    await close();
  }
}
