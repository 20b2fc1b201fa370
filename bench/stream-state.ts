import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stateResourceBlock } from './synthetic.ts';

/** Writes a v4 state of at least `minBytes` without ever holding it in memory. */
async function writeHugeState(path: string, minBytes: number): Promise<number> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '{\n  "version": 4,\n  "terraform_version": "1.9.8",\n  "serial": 1,\n  "lineage": "x",\n  "outputs": {},\n  "resources": [\n',
  );
  let bytes = 0;
  let from = 0;
  while (bytes < minBytes) {
    const block = stateResourceBlock(from, 100);
    await write(from === 0 ? block : `,\n${block}`);
    bytes += block.length + 2;
    from += 100;
  }
  await write('\n  ]\n}\n');
  out.end();
  await once(out, 'finish');
  return from;
}

/** Streams a >600 MB state in a child process and reports its peak RSS. */
export async function benchStreamHugeState(
  dir = '.bench',
  minBytes = 620 * 1024 * 1024,
): Promise<Record<string, string | number>> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'huge.tfstate');
  const instances = await writeHugeState(file, minBytes);
  const size = statSync(file).size;
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/stream-child.ts', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`stream child failed: ${child.stderr.split('\n')[0]}`);
  const r = JSON.parse(child.stdout) as { resources: number; ms: number; peakRssMb: number };
  return {
    'state MB': Math.round(size / 1e6),
    instances,
    'resources streamed': r.resources,
    'stream ms': r.ms,
    'MB/s': Math.round(size / 1e6 / (r.ms / 1000)),
    'peak RSS MB (goal < 2048)': r.peakRssMb,
  };
}
