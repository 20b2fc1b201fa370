import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { ApiRequest, ApiResponse } from '../../lib/api/types.ts';
import { principalOf } from './principal.ts';

/** The router's request from an API Gateway REST (v1 proxy) event. */
export function toApiRequest(event: APIGatewayProxyEvent): ApiRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) headers[k.toLowerCase()] = v;
  const body =
    event.body === null || event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  const principal = principalOf(event);
  return {
    method: event.httpMethod,
    path: event.path,
    // API Gateway already keeps the last value of a repeated parameter here, as the local server does.
    query: { ...(event.queryStringParameters ?? {}) },
    headers,
    body,
    ...(principal ? { principal } : {}),
  };
}

/** The proxy result for a router response. */
export function toProxyResult(res: ApiResponse): APIGatewayProxyResult {
  return { statusCode: res.status, headers: res.headers, body: res.body, isBase64Encoded: false };
}
