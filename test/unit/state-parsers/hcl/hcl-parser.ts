import { createRequire } from 'node:module';
import type { HclParser } from '../../../../state-parsers/hcl/index.ts';

/** hcl2-parser loaded the way the tf-dir adapter loads it (require: half the cost of import). */
export const hcl = createRequire(import.meta.url)('hcl2-parser') as HclParser;
