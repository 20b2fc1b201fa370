import { processIo } from '../lib/cli/io.ts';
import { main } from '../lib/cli/main.ts';

// The CLI entry: all behaviour lives in lib/cli/main.ts so tests can run it in-process.
process.exitCode = await main(process.argv.slice(2), processIo());
