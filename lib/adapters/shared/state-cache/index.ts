export { type ConditionalReadOptions, type FetchResult, readThroughCache } from './conditional-read.ts';
export { FileStateCache } from './file-state-cache.ts';
export { MemoryStateCache } from './memory-state-cache.ts';
export {
  type CachedState,
  CachedStateSchema,
  newCounters,
  type ReadCounters,
  type StateCache,
} from './state-cache.ts';
