import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Location attributes we take from `.terraform/terraform.tfstate`. That file holds the whole
 * backend config `terraform init` used, credentials included (access_key, sas_token, …): we read
 * it only to fill attributes a partial backend block leaves out, keep only these keys, and let
 * the rest of the parsed object go at once. Never logged, never returned.
 */
const LOCATION_KEYS = [
  'bucket',
  'key',
  'region',
  'workspace_key_prefix',
  'storage_account_name',
  'container_name',
  'resource_group_name',
  'prefix',
  'path',
  'workspace_dir',
] as const;

const InitStateSchema = z.object({
  backend: z.object({ type: z.string(), config: z.record(z.string(), z.unknown()) }),
});

/** Location attributes of the backend last initialised in `dir`, when it is of `type`. */
export async function readInitBackend(dir: string, type: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(join(dir, '.terraform', 'terraform.tfstate'), 'utf8');
  } catch {
    return {};
  }
  let parsed: z.infer<typeof InitStateSchema>;
  try {
    parsed = InitStateSchema.parse(JSON.parse(text));
  } catch {
    return {}; // a hint only: an unreadable init file is ignored, the backend block decides
  }
  if (parsed.backend.type !== type) return {}; // stale: initialised with another backend
  const out: Record<string, string> = {};
  for (const k of LOCATION_KEYS) {
    const v = parsed.backend.config[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}
