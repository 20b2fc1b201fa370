import { z } from 'zod';
import { type DriftwatchConfig, parseConfig } from '../../lib/core/config/index.ts';
import { EnvironmentError } from './errors.ts';

/** The environment every scan workflow Lambda gets (docs/workflows.md). */
export const ScanEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  /** The validated driftwatch.config.yaml as JSON. */
  DRIFTWATCH_CONFIG: z.string().min(1),
  /** Secrets Manager secret with the HMAC key (deployed). */
  HASH_KEY_SECRET_ARN: z.string().min(1).optional(),
  /** The HMAC key itself (local runs and tests only). */
  DRIFTWATCH_HASH_KEY: z.string().min(1).optional(),
  /** Where relative paths in the config start; default the working directory. */
  DRIFTWATCH_BASE_DIR: z.string().min(1).optional(),
});
export type ScanEnv = z.infer<typeof ScanEnvSchema>;

/** Parses the Lambda environment; one line naming the first bad variable. */
export function parseScanEnv(env: NodeJS.ProcessEnv): ScanEnv {
  const parsed = ScanEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvironmentError(`${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'invalid'}`);
  }
  if (!parsed.data.HASH_KEY_SECRET_ARN && !parsed.data.DRIFTWATCH_HASH_KEY)
    throw new EnvironmentError('HASH_KEY_SECRET_ARN is not set');
  return parsed.data;
}

/** The config from DRIFTWATCH_CONFIG, validated again (the stack validated it at synth). */
export function configFromEnv(env: Pick<ScanEnv, 'DRIFTWATCH_CONFIG'>): DriftwatchConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(env.DRIFTWATCH_CONFIG);
  } catch {
    throw new EnvironmentError('DRIFTWATCH_CONFIG is not valid JSON');
  }
  return parseConfig(raw, 'DRIFTWATCH_CONFIG');
}
