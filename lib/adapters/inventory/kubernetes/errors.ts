import { DriftwatchError } from '../../../core/model/errors.ts';

/** The kubeconfig or the adapter options are unusable (no file, unknown shard context). */
export class KubernetesConfigError extends DriftwatchError {}

/**
 * One failed API call: the HTTP status and the Status `reason` the API server returned
 * (`Forbidden`, `Expired`, `TooManyRequests`), or status 0 for a network failure or timeout.
 */
export class KubernetesApiError extends DriftwatchError {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly detail: string,
    readonly path: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${status === 0 ? '' : `${status} `}${reason}: ${detail}`, `GET ${path}`);
  }

  /** Short form for coverage reasons: `403 Forbidden`, `Timeout`. */
  get summary(): string {
    return this.status === 0 ? this.reason : `${this.status} ${this.reason}`;
  }
}
