import type { ApiRequest, ApiResponse } from '../api/types.ts';

/** What the MCP tools need from the API: one in-process request, the router answers. */
export interface RouterLike {
  handle(req: ApiRequest): Promise<ApiResponse>;
}

export type ToolResult = { content: { type: 'text'; text: string }[]; isError?: boolean };

/** Query string from tool arguments: only the ones given, as the router's strings. */
export function queryOf(args: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = args[k];
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}

/**
 * Runs one API request through the same router the HTTP API uses, so a tool validates its input
 * with the API's own zod schemas and answers exactly what the API would. Errors come back as
 * tool errors carrying the API's `{error, details}` body.
 */
export async function callRouter(
  router: RouterLike,
  principal: string,
  method: 'GET' | 'POST',
  path: string,
  query: Record<string, string> = {},
  body?: unknown,
): Promise<{ ok: boolean; status: number; json: unknown }> {
  const res = await router.handle({
    method,
    path,
    query,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    principal,
  });
  let json: unknown = null;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = res.body;
  }
  return { ok: res.status < 400, status: res.status, json };
}

/** A tool result holding JSON (pretty, for people reading the transcript too). */
export function jsonResult(value: unknown, isError = false): ToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(value, null, 2) }],
    ...(isError ? { isError } : {}),
  };
}
