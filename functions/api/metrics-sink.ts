import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricsSink } from '../../lib/api/types.ts';

/**
 * Request count and latency as EMF metrics, plus one log line per request (no bodies). One Lambda
 * invocation serves one request, so the dimensions set here belong to this invocation's metrics
 * only: logMetrics publishes and clears them when the invocation ends.
 */
export function powertoolsSink(metrics: Metrics, logger: Logger): MetricsSink {
  return {
    request(sample) {
      metrics.addDimensions({ route: sample.route, method: sample.method, status: String(sample.status) });
      metrics.addMetric('Requests', MetricUnit.Count, 1);
      metrics.addMetric('Latency', MetricUnit.Milliseconds, sample.durationMs);
      if (sample.status >= 500) metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
      logger.info('request', {
        method: sample.method,
        route: sample.route,
        status: sample.status,
        durationMs: Math.round(sample.durationMs),
      });
    },
  };
}
