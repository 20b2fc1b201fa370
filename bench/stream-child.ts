import { readStateFileResources } from '../lib/adapters/state-sources/file/index.ts';
import { createHasher } from '../lib/runtime/hasher.ts';

// Runs in its own process so its peak RSS is the streaming parser's alone.
const file = process.argv[2];
if (!file) throw new Error('usage: stream-child <file>');
const t0 = performance.now();
let resources = 0;
await readStateFileResources(file, createHasher('bench-key'), () => {
  resources++;
});
process.stdout.write(
  JSON.stringify({
    resources,
    ms: Math.round(performance.now() - t0),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
