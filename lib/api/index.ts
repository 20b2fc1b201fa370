export { errorResponse, HttpError } from './http-error.ts';
export { buildOpenApi } from './openapi.ts';
export { PROMETHEUS_CONTENT_TYPE } from './prometheus.ts';
export { createRouter, MAX_BODY_BYTES, type RouterOptions } from './router.ts';
export { apiRoutes } from './routes/index.ts';
export * from './schemas.ts';
export type * from './types.ts';
