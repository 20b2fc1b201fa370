import { z } from 'zod';
import type { SensitiveHasher } from '../../../core/model/sensitive.ts';
import type { StateCache } from '../state-cache/state-cache.ts';

/** Workspace selection, as in the config: names, or `['*']` for every workspace the backend lists. */
export const WorkspaceListSchema = z
  .array(z.string().regex(/^(\*|[\w.-]+)$/, 'a workspace name (letters, digits, _ . -) or *'))
  .default(['default']);

/** Options every remote state source (S3, Azure Blob, GCS) takes. */
export interface RemoteStateOptions {
  /** Seals sensitive values at parse time (keyed hash). */
  hasher: SensitiveHasher;
  /** Workspaces to read; default `['default']`. */
  workspaces?: string[];
  /** Keeps parsed states between reads so an unchanged object is neither downloaded nor parsed. */
  cache?: StateCache;
  /** Bodies above this size are parsed as a stream (default 256 MiB). */
  streamThresholdBytes?: number;
  /** Page size for workspace listings (tests use small pages to exercise paging). */
  listPageSize?: number;
}
