import type { RouteDef } from '../route.ts';
import { approvalRoutes } from './approvals.ts';
import { driftRoutes } from './drifts.ts';
import { scanRoutes } from './scans.ts';
import { systemRoutes } from './system.ts';

/** Every route of the query API, in the order the OpenAPI document lists them. */
export const apiRoutes: readonly RouteDef[] = [
  ...systemRoutes,
  ...driftRoutes,
  ...scanRoutes,
  ...approvalRoutes,
];
