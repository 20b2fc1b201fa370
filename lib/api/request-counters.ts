import type { RequestSample } from './types.ts';

export interface RequestCount {
  route: string;
  method: string;
  status: number;
  count: number;
  /** Sum of latencies in seconds (Prometheus `_sum` convention). */
  seconds: number;
}

/** Request counts by route template, method and status since the router was created. */
export class RequestCounters {
  readonly #counts = new Map<string, RequestCount>();

  /** Counts one served request. */
  add(sample: RequestSample): void {
    const key = `${sample.route} ${sample.method} ${sample.status}`;
    const entry = this.#counts.get(key) ?? {
      route: sample.route,
      method: sample.method,
      status: sample.status,
      count: 0,
      seconds: 0,
    };
    entry.count += 1;
    entry.seconds += sample.durationMs / 1000;
    this.#counts.set(key, entry);
  }

  /** Snapshot, ordered by route, method, status so the exposition is stable. */
  list(): RequestCount[] {
    return [...this.#counts.values()]
      .map((c) => ({ ...c }))
      .sort(
        (a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method) || a.status - b.status,
      );
  }
}
