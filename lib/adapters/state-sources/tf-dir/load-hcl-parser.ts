import { createRequire } from 'node:module';
import type { HclParser } from '../../../../state-parsers/hcl/index.ts';

let parser: HclParser | undefined;

/**
 * Loads hcl2-parser on first use: a 3.8 MB GopherJS bundle (~0.4 s with require on an idle
 * machine; ESM `import` of it takes about twice that), so only `--tf-dir` pays for it.
 */
export function loadHclParser(): HclParser {
  parser ??= createRequire(import.meta.url)('hcl2-parser') as HclParser;
  return parser;
}
