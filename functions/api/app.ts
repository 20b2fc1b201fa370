import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { errorResponse, HttpError } from '../../lib/api/http-error.ts';
import { createRouter } from '../../lib/api/router.ts';
import type { LifecycleTransitions } from '../../lib/api/types.ts';
import type { ScanRecord } from '../../lib/core/model/drift-record.ts';
import type { ApprovalStore } from '../../lib/core/ports/approval-store.ts';
import type { DriftStore } from '../../lib/core/ports/drift-store.ts';
import type { TaskTokenSender } from '../../lib/core/ports/task-token-sender.ts';
import { toApiRequest, toProxyResult } from './event.ts';
import { powertoolsSink } from './metrics-sink.ts';
import { ScanTriggerNotConfiguredError } from './start-scan.ts';

export interface ApiHandlerDeps {
  store: DriftStore;
  lifecycle: LifecycleTransitions;
  /** Starts the scan state machine (see start-scan.ts). */
  triggerScan(input: { target?: string }): Promise<ScanRecord>;
  logger: Logger;
  metrics: Metrics;
  now?: () => Date;
  /** Remediation approvals (GET/POST /approvals); absent → those routes answer 503. */
  approvals?: ApprovalStore;
  /** Resumes the remediation workflow on a decision (SendTaskSuccess / SendTaskFailure). */
  tasks?: TaskTokenSender;
}

/** The API Gateway (REST, v1 proxy) handler: middy around the shared router, Powertools logs and EMF metrics. */
export function createApiHandler(deps: ApiHandlerDeps) {
  const { store, logger, metrics } = deps;
  const router = createRouter(
    {
      store,
      lifecycle: deps.lifecycle,
      triggerScan: async (input) => {
        try {
          const scan = await deps.triggerScan(input);
          // Recorded at once so GET /scans/{id} answers before the first shard reports.
          await store.putScan(scan);
          return scan;
        } catch (err) {
          if (err instanceof ScanTriggerNotConfiguredError)
            throw new HttpError(503, 'not_configured', { message: err.message });
          throw err;
        }
      },
      metrics: powertoolsSink(metrics, logger),
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.approvals ? { approvals: deps.approvals } : {}),
      ...(deps.tasks ? { tasks: deps.tasks } : {}),
    },
    { onError: (err) => logError(logger, 'unexpected error', err) },
  );

  const base = async (event: APIGatewayProxyEvent, _context: Context): Promise<APIGatewayProxyResult> => {
    logger.appendKeys({ apiRequestId: event.requestContext?.requestId });
    return toProxyResult(await router.handle(toApiRequest(event)));
  };

  return middy(base)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use({
      // The router answers every error itself; this is the net for a malformed event.
      onError: (request) => {
        logError(logger, 'unhandled error', request.error);
        request.response = toProxyResult(errorResponse(new HttpError(500, 'internal_error', null)));
      },
    });
}

/** Logs the error with its stack for operators; callers only ever see the bare 500. */
function logError(logger: Logger, message: string, err: unknown): void {
  if (err instanceof Error) logger.error(message, err);
  else logger.error(message, { error: String(err) });
}
