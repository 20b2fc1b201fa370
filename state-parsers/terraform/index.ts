export type { StateHeader } from './header.ts';
export type { ParseOptions } from './instance.ts';
export { sortLikeStateList } from './list-order.ts';
export { parseDocument, parseTerraformState } from './parse-terraform-state.ts';
export {
  MAX_STRING_LENGTH,
  parseTerraformStateStream,
  readTerraformStateStream,
} from './stream/parse-stream.ts';
