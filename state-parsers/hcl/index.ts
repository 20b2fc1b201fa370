export { type BackendBlock, BackendBlockSchema, parseBackendBlocks } from './backend.ts';
export { parseBackendConfigFile } from './backend-config-file.ts';
export {
  type BackendLocation,
  type BackendOptions,
  BackendOptionsSchema,
  backendLocation,
} from './backend-location.ts';
export { BackendConfigError, HclParseError } from './errors.ts';
export type { HclParser } from './hcl-text.ts';
export type { Scalar } from './literal-attributes.ts';
