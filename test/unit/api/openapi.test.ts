import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../lib/api/routes/index.ts';
import { driftRecord } from './fixtures.ts';
import { apiHarness } from './harness.ts';
import { checkSchema } from './json-schema-check.ts';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { schema: { required?: string[] } }> };
  responses: Record<string, unknown>;
};

async function served(): Promise<{ doc: Doc; text: string }> {
  const res = await apiHarness().call('GET', '/openapi.json');
  expect(res.status).toBe(200);
  return { doc: JSON.parse(res.text) as Doc, text: res.text };
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route with its method', async () => {
    const { doc } = await served();
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
    expect(listed).toHaveLength(16);
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter, the list filters and the request bodies', async () => {
    const { doc } = await served();
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops))
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(names);
    }
    const list = doc.paths['/drifts']!.get!;
    expect(list.parameters.map((p) => p.name)).toEqual([
      'status',
      'target',
      'provider',
      'scope',
      'type',
      'category',
      'severity',
      'since',
      'limit',
      'cursor',
    ]);
    const ack = doc.paths['/drifts/{id}/acknowledge']!.post!;
    expect(ack.requestBody?.required).toBe(true);
    expect(ack.requestBody?.content['application/json']?.schema.required).toEqual(['reason']);
    expect(doc.paths['/scans']!.post!.requestBody?.required).toBe(false);
    expect(Object.keys(ack.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '500',
    ]);
    expect(Object.keys(doc.paths['/scans']!.post!.responses)).toContain('202');
  });

  it('resolves every $ref', async () => {
    const { doc, text } = await served();
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith('#/components/schemas/'), ref).toBe(true);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });

  it('describes records strictly enough to reject a wrong one', async () => {
    const { doc } = await served();
    const ref = { $ref: '#/components/schemas/DriftRecord' };
    expect(checkSchema(ref, driftRecord({ id: 'd1' }), doc)).toEqual([]);
    expect(checkSchema(ref, { ...driftRecord({ id: 'd1' }), severity: 'severe' }, doc)).toEqual([
      '$.severity: not in enum',
    ]);
    expect(checkSchema(ref, { ...driftRecord({ id: 'd1' }), internal: 1 }, doc)).toEqual([
      '$.internal: additional property',
    ]);
    const { version: _v, ...noVersion } = driftRecord({ id: 'd1' });
    expect(checkSchema(ref, noVersion, doc)).toEqual(['$.version: required']);
  });
});
