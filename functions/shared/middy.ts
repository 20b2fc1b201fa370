import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { oneLine } from './errors.ts';

/**
 * A Step Functions task handler: middy with Powertools logging (Lambda context) and EMF metrics.
 * Errors are logged as one line and rethrown, so the state machine's Retry/Catch sees them.
 */
export function taskHandler<O>(
  run: (event: unknown) => Promise<O>,
  deps: { logger: Logger; metrics: Metrics },
) {
  const base = async (event: unknown, _context: Context): Promise<O> => run(event);
  const { logger, metrics } = deps;
  return middy(base)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use({
      onError: (request) => {
        logger.error('task failed', { error: oneLine(request.error) });
      },
    });
}

/**
 * The exported Lambda handler, built on the first invocation: importing the module reads no
 * environment (tests import the factories), and a bad environment fails the invocation in one line.
 */
export function onFirstCall<H extends (event: unknown, context: Context) => Promise<unknown>>(
  build: () => H,
): (event: unknown, context: Context) => Promise<unknown> {
  let built: H | undefined;
  return (event, context) => {
    built ??= build();
    return built(event, context);
  };
}
