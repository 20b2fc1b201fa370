import type { z } from 'zod';
import type { ErrorBody, Issue } from './schemas.ts';
import type { ApiResponse } from './types.ts';

/** An error the API answers on purpose: status, stable code, details safe to show the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: ErrorBody['details'] = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

/** 400 with the issues of one failed zod parse, each tagged with where the input came from. */
export function validationError(location: Issue['location'], error: z.ZodError): HttpError {
  return new HttpError(400, 'invalid_request', issuesOf(location, error));
}

/** zod issues reduced to location, path, code, message: never the input value itself. */
export function issuesOf(location: Issue['location'], error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    location,
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    code: i.code,
    message: i.message,
  }));
}

/** One hand-made issue (bad JSON, bad cursor, expiry in the past). */
export function badRequest(
  location: Issue['location'],
  path: (string | number)[],
  message: string,
  code = 'custom',
): HttpError {
  return new HttpError(400, 'invalid_request', [{ location, path, code, message }]);
}

/** JSON response with the API's content type. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** The `{error, details}` response for an HttpError. */
export function errorResponse(err: HttpError): ApiResponse {
  const body: ErrorBody = { error: err.code, details: err.details };
  return json(err.status, body, err.headers);
}
