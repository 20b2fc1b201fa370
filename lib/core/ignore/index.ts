export { filterChanges, isIgnored } from './match.ts';
export { parseIgnoreFile } from './parse.ts';
export type { IgnoreRule, IgnoreRules, IgnoreTarget } from './types.ts';
