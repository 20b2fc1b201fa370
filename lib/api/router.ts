import { responseForError } from './errors.ts';
import { badRequest, errorResponse, HttpError, json, validationError } from './http-error.ts';
import { matchRoute } from './match.ts';
import { buildOpenApi } from './openapi.ts';
import { RequestCounters } from './request-counters.ts';
import type { RouteDef, RouteResult } from './route.ts';
import { apiRoutes } from './routes/index.ts';
import type { ApiRequest, ApiResponse, Router, RouterDeps } from './types.ts';

/** Largest request body the API reads; larger ones are answered 413 before any parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

const COMMON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export interface RouterOptions {
  /** Unexpected errors (the 500s) for the host's log; the caller never sees them. */
  onError?: (err: unknown, req: ApiRequest) => void;
}

/** The query API: one router both hosts (API Gateway Lambda, local HTTP server) hand requests to. */
export function createRouter(deps: RouterDeps, options: RouterOptions = {}): Router {
  const counters = new RequestCounters();
  let document: unknown;
  const openapi = () => {
    document ??= buildOpenApi(apiRoutes);
    return document;
  };

  async function route(req: ApiRequest): Promise<{ route: string; response: ApiResponse }> {
    let template = 'unmatched';
    try {
      const match = matchRoute(apiRoutes, req.method.toUpperCase(), req.path);
      if (match.kind === 'none') throw new HttpError(404, 'not_found', null);
      if (match.kind === 'wrong-method')
        throw new HttpError(
          405,
          'method_not_allowed',
          { allowed: match.allowed },
          { allow: match.allowed.join(', ') },
        );
      template = match.route.path;
      const response = await run(match.route, match.params, req);
      return { route: template, response };
    } catch (err) {
      const { response, unexpected } = responseForError(err);
      if (unexpected) options.onError?.(err, req);
      return { route: template, response };
    }
  }

  async function run(
    def: RouteDef,
    rawParams: Record<string, string>,
    req: ApiRequest,
  ): Promise<ApiResponse> {
    if (req.body !== undefined && Buffer.byteLength(req.body, 'utf8') > MAX_BODY_BYTES)
      throw new HttpError(413, 'payload_too_large', { limitBytes: MAX_BODY_BYTES });
    const params = def.params ? parseOr('path', def.params, rawParams) : {};
    const query = parseOr('query', def.query, definedOnly(req.query));
    const body = def.body ? parseOr('body', def.body, readJson(req.body)) : undefined;
    const now = (deps.now ?? (() => new Date()))();
    const result = await def.handle({
      params,
      query,
      body,
      principal: req.principal,
      now,
      deps,
      counters,
      document: openapi,
    });
    return render(def, result);
  }

  return {
    async handle(req) {
      const started = performance.now();
      const { route: template, response } = await route(req);
      const sample = {
        route: template,
        method: req.method.toUpperCase(),
        status: response.status,
        durationMs: performance.now() - started,
      };
      counters.add(sample);
      deps.metrics?.request(sample);
      return { ...response, headers: { ...COMMON_HEADERS, ...response.headers } };
    },
  };
}

function parseOr(location: 'path' | 'query' | 'body', schema: NonNullable<RouteDef['body']>, input: unknown) {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(location, parsed.error);
  return parsed.data;
}

function definedOnly(query: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out[k] = v;
  return out;
}

/** Request JSON; an absent or blank body is `{}` so optional bodies may be left out. */
function readJson(body: string | undefined): unknown {
  if (body === undefined || body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw badRequest('body', [], 'body is not valid JSON', 'invalid_json');
  }
}

/** The route's result as a response; JSON bodies pass the documented schema (extra fields dropped). */
function render(def: RouteDef, result: RouteResult): ApiResponse {
  if ('text' in result)
    return { status: result.status, headers: { 'content-type': result.contentType }, body: result.text };
  const schema = def.responses[result.status]?.schema;
  if (!schema) return errorResponse(new HttpError(500, 'internal_error', null));
  // parse() throws on a store record that breaks the contract: a 500, never an undocumented body.
  return json(result.status, schema.parse(result.body), result.headers);
}
