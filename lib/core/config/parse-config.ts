import type { z } from 'zod';
import { UsageError } from '../model/errors.ts';
import { type DriftwatchConfig, DriftwatchConfigSchema } from './config.ts';

/** Keys that would carry a credential; the config names roles and endpoints, never secrets. */
const CREDENTIAL_KEY =
  /(secret|password|passwd|access_?key|private_?key|client_?secret|connection_?string|sas_?token|^token$|api_?key|credentials?)$/i;
/** Values that are credentials whatever their key: AWS key ids, PEM keys, storage keys, SAS. */
const CREDENTIAL_VALUE =
  /^(AKIA|ASIA)[A-Z0-9]{16}$|-----BEGIN [A-Z ]*PRIVATE KEY-----|AccountKey=|[?&]sig=[A-Za-z0-9%]{20,}/;

/** Validates a parsed driftwatch.config.yaml; throws one UsageError naming the first bad field. */
export function parseConfig(raw: unknown, source: string): DriftwatchConfig {
  const leak = findCredential(raw, []);
  if (leak) {
    throw new UsageError(
      `${leak} looks like a credential; credentials never go in the config (use roles, environment or workload identity)`,
      source,
    );
  }
  const parsed = DriftwatchConfigSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(describeIssue(parsed.error.issues[0]), source);
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid configuration';
  const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}

function findCredential(v: unknown, path: string[]): string | undefined {
  if (typeof v === 'string') return CREDENTIAL_VALUE.test(v) ? path.join('.') || '(value)' : undefined;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const hit = findCredential(x, [...path, String(i)]);
      if (hit) return hit;
    }
    return undefined;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (CREDENTIAL_KEY.test(k) && k !== 'externalId') return [...path, k].join('.');
      const hit = findCredential(x, [...path, k]);
      if (hit) return hit;
    }
  }
  return undefined;
}
