/** Header readers differ between the two Azure SDK generations; both expose `get(name)`. */
export type HeaderGetter = (name: string) => string | undefined | null;

/** `hh:mm:ss` (optionally `.fff`) → milliseconds; undefined when unreadable. */
export function parseResetsAfter(v: string | undefined | null): number | undefined {
  const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(v?.trim() ?? '');
  if (!m) return undefined;
  return Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
}

/**
 * Resource Graph's per-user quota (x-ms-user-quota-remaining / -resets-after, 15 queries per 5 s
 * window by default): once a response says none are left, every caller waits for the reset
 * instead of spending a request on a certain 429.
 */
export class QuotaGate {
  private blockedUntil = 0;
  /** Every wait taken, in ms (metrics, tests). */
  readonly waits: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  observe(get: HeaderGetter | undefined): void {
    if (!get) return;
    const remaining = get('x-ms-user-quota-remaining');
    if (remaining === undefined || remaining === null || Number(remaining) > 0) return;
    const resets = parseResetsAfter(get('x-ms-user-quota-resets-after'));
    // No reset time given: a conservative full default window.
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + (resets ?? 5000));
  }

  /** Resolves once a call may be issued. */
  async ready(): Promise<void> {
    const wait = this.blockedUntil - this.now();
    if (wait <= 0) return;
    this.waits.push(wait);
    await this.sleep(wait);
  }
}
