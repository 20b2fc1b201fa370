/** Base of every error driftwatch raises on purpose: its message is one line fit for a user. */
export class DriftwatchError extends Error {
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(input ? `${input}: ${message}` : message);
    this.name = new.target.name;
  }
}

/** A Terraform state could not be read (bad JSON, unsupported version, encrypted). */
export class StateParseError extends DriftwatchError {}

/** An inventory export could not be read or recognised. */
export class InventoryParseError extends DriftwatchError {}

/** A Kubernetes manifest could not be read. */
export class ManifestParseError extends DriftwatchError {}

/** A CLI flag, config file or ignore file is invalid. */
export class UsageError extends DriftwatchError {}
