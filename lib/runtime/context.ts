import type { SensitiveHasher } from '../core/model/sensitive.ts';

/** What composing sources needs from the process: where relative paths start, the sealing key, env. */
export interface RuntimeContext {
  cwd: string;
  hasher: SensitiveHasher;
  env: Record<string, string | undefined>;
  /** Directory for the ETag state cache (CLI: under the store dir; Lambda: /tmp). */
  stateCacheDir?: string;
  /** One-line notices for the user (a skipped Terraform Cloud backend …). */
  notice?: (line: string) => void;
}
