import type { StoreStats } from '../core/ports/drift-store.ts';
import type { MetricFamily } from './prometheus.ts';
import type { RequestCount } from './request-counters.ts';

/** Metric families of GET /metrics: store statistics (when the store answered) plus request counts. */
export function apiMetricFamilies(
  stats: StoreStats | undefined,
  requests: readonly RequestCount[],
): MetricFamily[] {
  const families: MetricFamily[] = [
    gauge('driftwatch_store_up', 'Whether the drift store answered the statistics query (1) or not (0).', [
      { labels: {}, value: stats ? 1 : 0 },
    ]),
  ];
  if (stats) families.push(...storeFamilies(stats));
  families.push(
    {
      name: 'driftwatch_http_requests_total',
      help: 'API requests served, by route template, method and status.',
      type: 'counter',
      samples: requests.map((r) => ({ labels: requestLabels(r), value: r.count })),
    },
    {
      name: 'driftwatch_http_request_duration_seconds',
      help: 'API request latency in seconds, by route template, method and status.',
      type: 'summary',
      samples: requests.flatMap((r) => [
        { suffix: '_sum', labels: requestLabels(r), value: r.seconds },
        { suffix: '_count', labels: requestLabels(r), value: r.count },
      ]),
    },
  );
  return families;
}

function storeFamilies(stats: StoreStats): MetricFamily[] {
  const opened = stats.trend.reduce((n, d) => n + d.opened, 0);
  const resolved = stats.trend.reduce((n, d) => n + d.resolved, 0);
  return [
    gauge('driftwatch_drift_records', 'Drift records by status.', counts('status', stats.byStatus)),
    gauge(
      'driftwatch_drift_records_by_severity',
      'Drift records by severity.',
      counts('severity', stats.bySeverity),
    ),
    gauge(
      'driftwatch_drift_records_by_provider',
      'Drift records by provider.',
      counts('provider', stats.byProvider),
    ),
    gauge(
      'driftwatch_drift_records_by_category',
      'Drift records by category.',
      counts('category', stats.byCategory),
    ),
    gauge(
      'driftwatch_target_coverage_ratio',
      'Share of declared resources the latest scan of a target could check.',
      stats.targets.map((t) => ({ labels: { target: t.target }, value: t.coverage })),
    ),
    gauge(
      'driftwatch_target_scan_complete',
      'Whether the latest scan of a target covered every scope (1) or not (0).',
      stats.targets.map((t) => ({ labels: { target: t.target }, value: t.complete ? 1 : 0 })),
    ),
    gauge(
      'driftwatch_target_last_scan_timestamp_seconds',
      'Unix time of the latest scan of a target.',
      stats.targets.map((t) => ({ labels: { target: t.target }, value: Date.parse(t.at) / 1000 })),
    ),
    gauge('driftwatch_drifts_opened_window', 'Drifts opened within the stats window (30 days).', [
      { labels: {}, value: opened },
    ]),
    gauge('driftwatch_drifts_resolved_window', 'Drifts resolved within the stats window (30 days).', [
      { labels: {}, value: resolved },
    ]),
  ];
}

function gauge(name: string, help: string, samples: MetricFamily['samples']): MetricFamily {
  return { name, help, type: 'gauge', samples };
}

function counts(label: string, byKey: Record<string, number>): MetricFamily['samples'] {
  return Object.keys(byKey)
    .sort()
    .map((k) => ({ labels: { [label]: k }, value: byKey[k] ?? 0 }));
}

function requestLabels(r: RequestCount): Record<string, string> {
  return { route: r.route, method: r.method, status: String(r.status) };
}
