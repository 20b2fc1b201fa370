import type { Storage } from '@google-cloud/storage';
import { z } from 'zod';
import type { GcpScopes } from '../../../core/config/scope-types.ts';
import { UsageError } from '../../../core/model/errors.ts';

/** A Cloud Asset parent: `projects/<id>`, `folders/<number>` or `organizations/<number>`. */
export const GcpParentSchema = z
  .string()
  .regex(
    /^(projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]|folders\/\d+|organizations\/\d+)$/,
    'a parent is projects/<id>, folders/<number> or organizations/<number>',
  );

/** What one API call was, for metrics and tests (one call = one HTTP request; gax retries are off). */
export interface GcpCall {
  api: 'listAssets' | 'exportAssets' | 'operations.get' | 'storage.read';
  parent: string;
  /** 0 for the first try of this call, 1.. for our retries. */
  attempt: number;
}

/** Retry, timeout and polling knobs; `sleep`/`random` are injectable so tests run instantly and exactly. */
export interface GcpRetryOptions {
  /** Attempts per call including the first (default 5). */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  /** Per-request timeout (default 60 s, the Cloud Asset client's own default). */
  timeoutMs?: number;
  /** First wait between export operation polls (default 2 s, as the API docs recommend), doubled up to 30 s. */
  pollMs?: number;
  /** Give up on an export operation after this long (default 30 min). */
  exportTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (call: GcpCall, delayMs: number, err: unknown) => void;
}

/** Anything that can sign requests: a google-auth-library GoogleAuth / AuthClient (has `fetch`). */
export interface GcpAuthLike {
  fetch(url: string, init: Record<string, unknown>): Promise<unknown>;
  getRequestHeaders?: (...args: never[]) => Promise<unknown>;
  getClient?: () => Promise<unknown>;
}

export interface GcpCloudAssetOptions {
  /** Target name (messages, coverage source). */
  target: string;
  scopes: GcpScopes;
  /** Read only this parent (one scan shard): `projects/<id>`, `folders/<n>` or `organizations/<n>`. */
  only?: string;
  /** Credentials; default Application Default Credentials with the cloud-platform scope. */
  auth?: GcpAuthLike;
  /** Cloud Asset endpoint host (default cloudasset.googleapis.com); a fake server in tests. */
  apiEndpoint?: string;
  port?: number;
  protocol?: 'https' | 'http';
  /** Export large scopes through GCS: `auto` = folders and organization when `exportTo` is set. */
  useExport?: 'auto' | 'always' | 'never';
  /** Project IDs known (from earlier scans) to live under a folder/organization parent. */
  knownProjects?: Record<string, readonly string[]>;
  retry?: GcpRetryOptions;
  onCall?: (call: GcpCall) => void;
  /** Storage client for export files (default: one honouring STORAGE_EMULATOR_HOST). */
  storage?: Storage;
  /** Clock for export object names. */
  now?: () => Date;
}

/** Every parent the scopes name, in config order. */
export function parentsOf(scopes: GcpScopes): string[] {
  return [
    ...scopes.projects.map((p) => `projects/${p}`),
    ...scopes.folders.map((f) => `folders/${f}`),
    ...(scopes.organization ? [`organizations/${scopes.organization}`] : []),
  ];
}

/** The parents one read covers: all of them, or the one shard `only` names. */
export function parentsToRead(opts: GcpCloudAssetOptions): string[] {
  if (opts.only === undefined) return parentsOf(opts.scopes);
  const parsed = GcpParentSchema.safeParse(opts.only);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'bad parent', opts.only);
  return [parsed.data];
}

/** `gs://bucket/prefix` → bucket and object prefix (no trailing slash). */
export function parseGsUri(uri: string): { bucket: string; prefix: string } {
  const m = /^gs:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new UsageError('not a gs://bucket/prefix location', uri);
  return { bucket: m[1]!, prefix: (m[2] ?? '').replace(/\/+$/, '') };
}
