import { z } from 'zod';
import type { StoreStats } from '../../core/ports/drift-store.ts';
import { apiMetricFamilies } from '../exposition.ts';
import { PROMETHEUS_CONTENT_TYPE, renderExposition } from '../prometheus.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import { HealthSchema, NoQuerySchema, ReadySchema, StatsSchema } from '../schemas.ts';

/** Days of history GET /stats and GET /metrics report. */
export const STATS_DAYS = 30;

const health = defineRoute({
  method: 'GET',
  path: '/health',
  operationId: 'getHealth',
  summary: 'Liveness: the API process answers.',
  tag: 'system',
  query: NoQuerySchema,
  responses: { 200: { description: 'Alive.', schema: HealthSchema } },
  handle: async () => ({ status: 200, body: { status: 'ok' } }),
});

const ready = defineRoute({
  method: 'GET',
  path: '/ready',
  operationId: 'getReady',
  summary: 'Readiness: the drift store answers.',
  tag: 'system',
  query: NoQuerySchema,
  responses: {
    200: { description: 'The store answers.', schema: ReadySchema },
    503: { description: 'The store does not answer.', schema: ReadySchema },
  },
  handle: async ({ deps }) => {
    // A throwing ping is the same answer as a false one: not ready, and no internals in the body.
    const up = await deps.store.ping().catch(() => false);
    return up ? { status: 200, body: { status: 'ready' } } : { status: 503, body: { status: 'unavailable' } };
  },
});

const openapi = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This API described as OpenAPI 3.1.',
  tag: 'system',
  query: NoQuerySchema,
  responses: {
    200: { description: 'The OpenAPI document.', schema: z.looseObject({ openapi: z.string() }) },
  },
  handle: async ({ document }) => ({ status: 200, body: document() }),
});

const stats = defineRoute({
  method: 'GET',
  path: '/stats',
  operationId: 'getStats',
  summary: 'Counts by status, severity, provider and category; coverage per target; 30-day trend.',
  tag: 'stats',
  query: NoQuerySchema,
  responses: { 200: { description: 'Statistics.', schema: StatsSchema } },
  handle: async ({ deps, now }) => ({ status: 200, body: await deps.store.stats(STATS_DAYS, now) }),
});

const metrics = defineRoute({
  method: 'GET',
  path: '/metrics',
  operationId: 'getMetrics',
  summary: 'Prometheus text exposition (0.0.4): store gauges and request counts.',
  tag: 'stats',
  query: NoQuerySchema,
  responses: { 200: { description: 'Metrics in the text format.', contentType: PROMETHEUS_CONTENT_TYPE } },
  handle: async ({ deps, now, counters }) => {
    // A scrape still reports request counts when the store is down; driftwatch_store_up says so.
    const s: StoreStats | undefined = await deps.store.stats(STATS_DAYS, now).catch(() => undefined);
    const text = renderExposition(apiMetricFamilies(s, counters.list()));
    return { status: 200, text, contentType: PROMETHEUS_CONTENT_TYPE };
  },
});

export const systemRoutes: RouteDef[] = [health, ready, openapi, stats, metrics];
