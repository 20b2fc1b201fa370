import type { z } from 'zod';
import type { RequestCounters } from './request-counters.ts';
import type { RouterDeps } from './types.ts';

/** What a route handler sees: validated inputs, the caller, the clock and the router's services. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: string | undefined;
  now: Date;
  deps: RouterDeps;
  /** Request counts served so far (GET /metrics). */
  counters: RequestCounters;
  /** The OpenAPI document of this router (GET /openapi.json). */
  document: () => unknown;
}

/** A JSON result (checked against the documented schema of its status) or a plain-text one. */
export type RouteResult =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string };

export interface ResponseDoc {
  description: string;
  /** JSON body schema; omitted for text responses. */
  schema?: z.ZodType;
  /** Non-JSON content type (text exposition, for instance). */
  contentType?: string;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** One route as the router and the OpenAPI generator see it (inputs erased to unknown). */
export interface RouteDef {
  method: 'GET' | 'POST';
  /** Path template with `{name}` segments. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: AnyObject;
  query: AnyObject;
  body?: AnyObject;
  /** Success responses by status. */
  responses: Record<number, ResponseDoc>;
  /** Error statuses this route can answer besides 400/405/413/500 (404, 409, 401, 503). */
  errors: number[];
  handle(ctx: RouteContext<unknown, unknown, unknown>): Promise<RouteResult>;
}

interface RouteSpec<P extends AnyObject, Q extends AnyObject, B extends AnyObject>
  extends Omit<RouteDef, 'params' | 'query' | 'body' | 'handle' | 'errors'> {
  params?: P;
  query: Q;
  body?: B;
  errors?: number[];
  handle(ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

/** Declares a route with typed inputs; the router parses them with the schemas before `handle` runs. */
export function defineRoute<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends AnyObject = AnyObject,
>(spec: RouteSpec<P, Q, B>): RouteDef {
  return {
    ...spec,
    errors: spec.errors ?? [],
    // The router only calls handle with values its own schemas produced, so the cast is sound.
    handle: (ctx) => spec.handle(ctx as RouteContext<z.output<P>, z.output<Q>, z.output<B>>),
  };
}
