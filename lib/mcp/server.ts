import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { SeveritySchema } from '../core/model/drift.ts';
import { DriftRecordSchema, DriftStatusSchema, HistoryEventSchema } from '../core/model/drift-record.ts';
import { ProviderSchema } from '../core/model/provider.ts';
import { callRouter, jsonResult, queryOf, type RouterLike, type ToolResult } from './call-router.ts';
import { explainDrift } from './explain.ts';

export interface McpOptions {
  router: RouterLike;
  /** Acknowledge and trigger scans only when the server was started with --allow-writes. */
  allowWrites: boolean;
  /** Recorded as the acknowledging principal. */
  principal: string;
  version: string;
}

const DRIFT_FILTERS = [
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
];
const text = z.string().min(1).max(1024);

/** The driftwatch MCP server: read tools always, write tools only with `allowWrites`. */
export function createMcpServer(opts: McpOptions): McpServer {
  const server = new McpServer({ name: 'driftwatch', version: opts.version });
  const call = (method: 'GET' | 'POST', path: string, query?: Record<string, string>, body?: unknown) =>
    callRouter(opts.router, opts.principal, method, path, query, body);
  const answer = async (p: ReturnType<typeof call>): Promise<ToolResult> => {
    const r = await p;
    return jsonResult(r.json, !r.ok);
  };
  const id = (v: string) => encodeURIComponent(v);

  server.registerTool(
    'list_drifts',
    {
      description: 'List tracked drifts, newest first, filtered like GET /drifts (cursor pagination).',
      inputSchema: {
        status: DriftStatusSchema.optional(),
        target: text.optional(),
        provider: ProviderSchema.optional(),
        scope: text.optional(),
        type: text.optional(),
        category: text.optional(),
        severity: SeveritySchema.optional().describe('Minimum severity'),
        since: text.optional().describe('ISO 8601 time'),
        limit: z.number().int().min(1).max(500).optional(),
        cursor: text.optional(),
      },
    },
    async (args) => answer(call('GET', '/drifts', queryOf(args, DRIFT_FILTERS))),
  );

  server.registerTool(
    'get_drift',
    { description: 'One drift record with its history.', inputSchema: { id: text } },
    async ({ id: driftId }) => {
      const drift = await call('GET', `/drifts/${id(driftId)}`);
      if (!drift.ok) return jsonResult(drift.json, true);
      const history = await call('GET', `/drifts/${id(driftId)}/history`, { limit: '100' });
      return jsonResult({ drift: drift.json, history: history.ok ? history.json : [] });
    },
  );

  server.registerTool(
    'explain_drift',
    {
      description:
        'Explain a drift: what changed, why it matters (category/severity), the suggested remediation.',
      inputSchema: { id: text },
    },
    async ({ id: driftId }) => {
      const drift = await call('GET', `/drifts/${id(driftId)}`);
      if (!drift.ok) return jsonResult(drift.json, true);
      const history = await call('GET', `/drifts/${id(driftId)}/history`, { limit: '100' });
      const record = DriftRecordSchema.parse(drift.json);
      const events = z.object({ items: z.array(HistoryEventSchema) }).safeParse(history.json);
      return {
        content: [{ type: 'text', text: explainDrift(record, events.success ? events.data.items : []) }],
      };
    },
  );

  server.registerTool(
    'get_stats',
    { description: 'Counts by status/severity/provider/category, coverage per target, 30-day trend.' },
    async () => answer(call('GET', '/stats')),
  );

  if (opts.allowWrites) {
    server.registerTool(
      'acknowledge_drift',
      {
        description: 'Acknowledge a drift with a reason and optional expiry (ISO 8601).',
        inputSchema: { id: text, reason: z.string().min(1).max(2000), expiresAt: text.optional() },
      },
      async ({ id: driftId, reason, expiresAt }) =>
        answer(
          call(
            'POST',
            `/drifts/${id(driftId)}/acknowledge`,
            {},
            { reason, ...(expiresAt ? { expiresAt } : {}) },
          ),
        ),
    );
    server.registerTool(
      'trigger_scan',
      {
        description: 'Start a scan of a target (default target when omitted).',
        inputSchema: { target: text.optional() },
      },
      async ({ target }) => answer(call('POST', '/scans', {}, target ? { target } : {})),
    );
  }
  return server;
}
