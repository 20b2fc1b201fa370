import { expect } from 'vitest';
import { matchRoute } from '../../../lib/api/match.ts';
import { createRouter } from '../../../lib/api/router.ts';
import { apiRoutes } from '../../../lib/api/routes/index.ts';
import type { ApiResponse, RequestSample, Router } from '../../../lib/api/types.ts';
import type { ScanRecord } from '../../../lib/core/model/drift-record.ts';
import { FakeDriftStore } from './fake-store.ts';
import { fakeLifecycle, NOW, scanRecord } from './fixtures.ts';
import { checkSchema } from './json-schema-check.ts';

export interface CallInit {
  query?: Record<string, string | undefined>;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  principal?: string;
  headers?: Record<string, string>;
}

export interface Called {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON for JSON responses, the text otherwise. */
  body: unknown;
  text: string;
}

interface Example {
  method: string;
  path: string;
  response: ApiResponse;
}

/** A real router over a fake store, recording every response so the file can check them against the document. */
export function apiHarness() {
  const store = new FakeDriftStore();
  const samples: RequestSample[] = [];
  const unexpected: unknown[] = [];
  const examples: Example[] = [];
  const triggered: { target?: string }[] = [];
  const triggerScan = async (input: { target?: string }): Promise<ScanRecord> => {
    triggered.push(input);
    const scan = scanRecord({
      scanId: 'scan-2026-03-14T12-00-00Z-manual',
      status: 'running',
      startedAt: NOW.toISOString(),
    });
    return { ...scan, target: input.target ?? 'all', finishedAt: undefined, summary: undefined };
  };
  const router: Router = createRouter(
    {
      store,
      lifecycle: fakeLifecycle,
      triggerScan,
      now: () => NOW,
      metrics: { request: (s) => samples.push(s) },
    },
    { onError: (err) => unexpected.push(err) },
  );
  async function call(method: string, path: string, init: CallInit = {}): Promise<Called> {
    const body =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body);
    const response = await router.handle({
      method,
      path,
      query: init.query ?? {},
      headers: init.headers ?? {},
      body,
      ...(init.principal ? { principal: init.principal } : {}),
    });
    examples.push({ method, path, response });
    const isJson = response.headers['content-type']?.startsWith('application/json') ?? false;
    return {
      status: response.status,
      headers: response.headers,
      body: isJson ? JSON.parse(response.body) : response.body,
      text: response.body,
    };
  }
  /** Every recorded response of a matched route validates against the schema the document gives for its status. */
  async function expectResponsesDocumented(): Promise<void> {
    const doc = (await call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, OperationDoc>>;
    };
    for (const ex of examples) {
      const match = safeMatch(ex.method, ex.path);
      if (match?.kind !== 'found') continue;
      const op = doc.paths[match.route.path]?.[ex.method.toLowerCase()];
      const documented = op?.responses[String(ex.response.status)];
      expect(documented, `${ex.method} ${ex.path} → ${ex.response.status} is documented`).toBeDefined();
      const content = documented?.content ?? {};
      const type = ex.response.headers['content-type']?.split(';')[0] ?? '';
      if (type !== 'application/json') continue;
      const schema = content['application/json']?.schema;
      expect(schema, `${ex.method} ${ex.path} → ${ex.response.status} has a JSON schema`).toBeDefined();
      expect(checkSchema(schema, JSON.parse(ex.response.body), doc), `${ex.method} ${ex.path}`).toEqual([]);
    }
  }
  return { store, router, call, samples, unexpected, examples, triggered, expectResponsesDocumented };
}

/** The matched route, or undefined for paths the router rejects before any route (bad encoding). */
function safeMatch(method: string, path: string): ReturnType<typeof matchRoute> | undefined {
  try {
    return matchRoute(apiRoutes, method, path);
  } catch {
    return undefined;
  }
}

interface OperationDoc {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
