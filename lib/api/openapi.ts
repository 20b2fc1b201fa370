import { z } from 'zod';
import type { ResponseDoc, RouteDef } from './route.ts';
import * as S from './schemas.ts';

type Json = Record<string, unknown>;

/** Schemas the document lists once under components and references by $ref. */
const COMPONENTS: Record<string, z.ZodType> = {
  DriftRecord: S.DriftRecordSchema,
  HistoryEvent: S.HistoryEventSchema,
  ScanRecord: S.ScanRecordSchema,
  DriftPage: S.DriftPageSchema,
  HistoryPage: S.HistoryPageSchema,
  ScanPage: S.ScanPageSchema,
  Stats: S.StatsSchema,
  Health: S.HealthSchema,
  Ready: S.ReadySchema,
  Issue: S.IssueSchema,
  Error: S.ErrorSchema,
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: details lists the zod issues (query, path or body).',
  401: 'No authenticated caller (local server: no bearer token).',
  403: 'Wrong bearer token (local server).',
  404: 'No such drift or scan.',
  409: 'Version conflict or impossible transition; re-read and retry.',
  413: 'Request body over 64 KB.',
  500: 'Unexpected error; no internals are disclosed.',
  503: 'Not available here (the scan trigger is not configured).',
};

/** OpenAPI 3.1 document of the routes, every schema generated from the zod schemas the router uses. */
export function buildOpenApi(routes: readonly RouteDef[]): Json {
  const registry = z.registry<{ id: string }>();
  const refs = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    registry.add(schema, { id });
    refs.set(schema, `#/components/schemas/${id}`);
  }
  const converted = z.toJSONSchema(registry, { io: 'output', uri: (id) => `#/components/schemas/${id}` });
  const schemas = Object.fromEntries(Object.entries(converted.schemas).map(([k, v]) => [k, strip(v)]));
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const entry = paths[route.path] ?? {};
    entry[route.method.toLowerCase()] = operation(route, refs);
    paths[route.path] = entry;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'driftwatch query API',
      version: '1.0.0',
      description: 'Drift records, their history, scans and statistics. Errors are JSON {error, details}.',
    },
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Local server: the token `driftwatch serve` prints. Deployed: IAM (SigV4) at API Gateway.',
        },
      },
    },
  };
}

function operation(route: RouteDef, refs: Map<z.ZodType, string>): Json {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  const responses: Record<string, Json> = {};
  for (const [status, doc] of Object.entries(route.responses)) responses[status] = response(doc, refs);
  const errors = new Set([400, 500, ...route.errors]);
  if (route.body) for (const s of [401, 403, 413]) errors.add(s);
  for (const status of [...errors].sort()) {
    responses[String(status)] = response(
      { description: ERROR_TEXT[status] ?? 'Error.', schema: S.ErrorSchema },
      refs,
    );
  }
  const op: Json = { operationId: route.operationId, summary: route.summary, tags: [route.tag], parameters };
  if (route.body) {
    op.requestBody = {
      required: !route.body.safeParse({}).success,
      content: { 'application/json': { schema: strip(z.toJSONSchema(route.body, { io: 'input' })) } },
    };
    op.security = [{ bearer: [] }];
  }
  op.responses = responses;
  return op;
}

function parametersOf(schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function response(doc: ResponseDoc, refs: Map<z.ZodType, string>): Json {
  if (doc.contentType)
    return { description: doc.description, content: { [doc.contentType]: { schema: { type: 'string' } } } };
  if (!doc.schema) return { description: doc.description };
  const ref = refs.get(doc.schema);
  const schema = ref ? { $ref: ref } : strip(z.toJSONSchema(doc.schema, { io: 'output' }));
  return { description: doc.description, content: { 'application/json': { schema } } };
}

/** Drops the per-schema `$schema`/`$id` keys: the document's dialect is OpenAPI 3.1's own. */
function strip(schema: object): Json {
  const { $schema: _s, $id: _i, ...rest } = schema as Json;
  return rest;
}
