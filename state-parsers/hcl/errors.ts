import { DriftwatchError } from '../../lib/core/model/errors.ts';

/** A Terraform file is not valid HCL (message names the file and, when found, the line). */
export class HclParseError extends DriftwatchError {}

/** A backend is missing an attribute driftwatch needs, or is declared twice. */
export class BackendConfigError extends DriftwatchError {}
