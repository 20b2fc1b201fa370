import { StateParseError } from '../../lib/core/model/errors.ts';
import { isPlainObject } from '../../lib/core/model/plain-object.ts';

/** What a state says about itself, apart from its resources. */
export interface StateHeader {
  /** 3 or 4. */
  version: number;
  terraformVersion: string | null;
  serial: number | null;
  lineage: string | null;
}

const UPGRADE_HINT = 'run `terraform state pull` with Terraform >= 0.12 to upgrade it';

/** Refuses OpenTofu's encrypted envelope: `{"meta":…, "encrypted_data":…, "encryption_version":"v0"}`. */
export function assertNotEncrypted(keys: { has(k: string): boolean }, source: string): void {
  if (keys.has('encrypted_data') || keys.has('encryption_version')) {
    throw new StateParseError(
      'state is encrypted by OpenTofu state encryption (encrypted_data/encryption_version); ' +
        'decrypt it first, e.g. `tofu state pull` with the encryption key configured',
      source,
    );
  }
}

function holdsResources(doc: Record<string, unknown>): boolean {
  if (Array.isArray(doc.resources) && doc.resources.length > 0) return true;
  if (!Array.isArray(doc.modules)) return false;
  return doc.modules.some(
    (m) => isPlainObject(m) && isPlainObject(m.resources) && Object.keys(m.resources).length > 0,
  );
}

/**
 * Refuses `.terraform/terraform.tfstate`: the working directory's backend settings
 * (`{"version":3,"backend":{"type":"s3","config":…}}`), not a state. Parsed as a state it would be a
 * silent empty one, and every declared resource would look unmanaged. Its config is never quoted
 * (it may hold credentials).
 */
export function assertNotBackendSettings(doc: Record<string, unknown>, source: string): void {
  const backend = doc.backend;
  if (!isPlainObject(backend) || holdsResources(doc)) return;
  const type = typeof backend.type === 'string' && /^[\w-]{1,40}$/.test(backend.type) ? backend.type : '?';
  throw new StateParseError(
    `not a Terraform state: this is the backend settings file of a working directory ` +
      `(.terraform/terraform.tfstate, backend "${type}"); the state itself lives in that backend, ` +
      'fetch it with `terraform state pull > terraform.tfstate`',
    source,
  );
}

/** Checks the `version` field and returns it (3 or 4), or throws one clear StateParseError. */
export function checkVersion(version: unknown, source: string): 3 | 4 {
  if (version === undefined) {
    throw new StateParseError('not a Terraform state: no "version" field', source);
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new StateParseError(`not a Terraform state: "version" is ${JSON.stringify(version)}`, source);
  }
  if (version === 3 || version === 4) return version;
  if (version >= 0 && version < 3) {
    throw new StateParseError(
      `Terraform state format version ${version} is not supported (need 3 or 4); ${UPGRADE_HINT}`,
      source,
    );
  }
  throw new StateParseError(
    `Terraform state format version ${version} is not supported (need 3 or 4); ` +
      'it was written by a newer Terraform than driftwatch understands',
    source,
  );
}

/** Checks the top-level object of a state and returns its header. */
export function readHeader(doc: unknown, source: string): StateHeader {
  if (!isPlainObject(doc)) {
    throw new StateParseError('not a Terraform state: expected a JSON object at the top level', source);
  }
  assertNotEncrypted(new Set(Object.keys(doc)), source);
  if (doc.version === undefined && 'format_version' in doc && ('values' in doc || 'planned_values' in doc)) {
    throw new StateParseError(
      'this is `terraform show -json` output, not a state file; use `terraform state pull` instead',
      source,
    );
  }
  const version = checkVersion(doc.version, source);
  assertNotBackendSettings(doc, source);
  return headerFields(version, doc.terraform_version, doc.serial, doc.lineage);
}

/** Builds a header from raw field values, keeping only well-typed ones. */
export function headerFields(version: number, tf: unknown, serial: unknown, lineage: unknown): StateHeader {
  return {
    version,
    terraformVersion: typeof tf === 'string' && tf !== '' ? tf : null,
    serial: typeof serial === 'number' && Number.isFinite(serial) ? serial : null,
    lineage: typeof lineage === 'string' && lineage !== '' ? lineage : null,
  };
}
