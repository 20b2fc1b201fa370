import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../lib/api/router.ts';
import { acknowledge, unacknowledge } from '../../../lib/core/lifecycle/index.ts';
import { createMcpServer } from '../../../lib/mcp/server.ts';
import { FakeDriftStore } from '../api/fake-store.ts';
import { driftRecord, NOW, scanRecord } from '../api/fixtures.ts';

async function connect(allowWrites: boolean) {
  const store = new FakeDriftStore();
  store.records.set('d1', driftRecord({ id: 'd1', category: 'SecurityChange', severity: 'critical' }));
  store.records.set(
    'd2',
    driftRecord({
      id: 'd2',
      identity: 'x',
      severity: 'low',
      category: 'TagChange',
      changes: [{ path: 'tags.env', desired: 'prod', actual: 'dev' }],
    }),
  );
  const triggered: (string | undefined)[] = [];
  const router = createRouter({
    store,
    lifecycle: { acknowledge, unacknowledge },
    triggerScan: async ({ target }) => {
      triggered.push(target);
      return scanRecord({ scanId: 's-new', target: target ?? 'default', status: 'completed' });
    },
    now: () => NOW,
  });
  const server = createMcpServer({ router, allowWrites, principal: 'mcp:alice', version: 'test' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(clientSide);
  return { client, store, triggered };
}

const textOf = (r: unknown) => (r as { content: { text: string }[] }).content[0]?.text ?? '';

describe('driftwatch MCP server (through the SDK client)', () => {
  it('is read-only unless started with --allow-writes', async () => {
    const ro = await connect(false);
    expect((await ro.client.listTools()).tools.map((t) => t.name).sort()).toEqual([
      'explain_drift',
      'get_drift',
      'get_stats',
      'list_drifts',
    ]);
    const rw = await connect(true);
    expect((await rw.client.listTools()).tools.map((t) => t.name).sort()).toEqual([
      'acknowledge_drift',
      'explain_drift',
      'get_drift',
      'get_stats',
      'list_drifts',
      'trigger_scan',
    ]);
  });

  it('lists drifts with the API filters (severity is a minimum)', async () => {
    const { client, store } = await connect(false);
    const r = await client.callTool({ name: 'list_drifts', arguments: { severity: 'high', limit: 10 } });
    expect(r.isError).toBeFalsy();
    expect(JSON.parse(textOf(r)).items.map((d: { id: string }) => d.id)).toEqual(['d1']);
    expect(store.lastQuery).toMatchObject({ severity: 'high', limit: 10 });
  });

  it('rejects input the API rejects, with the API error body', async () => {
    const { client } = await connect(false);
    const r = await client.callTool({ name: 'list_drifts', arguments: { since: 'yesterday' } });
    expect(r.isError).toBe(true);
    expect(JSON.parse(textOf(r)).error).toBe('invalid_request');
  });

  it('gets a drift with its history, and 404 as a tool error', async () => {
    const { client } = await connect(false);
    const ok = JSON.parse(textOf(await client.callTool({ name: 'get_drift', arguments: { id: 'd1' } })));
    expect(ok.drift.id).toBe('d1');
    const missing = await client.callTool({ name: 'get_drift', arguments: { id: 'nope' } });
    expect(missing.isError).toBe(true);
  });

  it('explains what changed, why it matters and what to do', async () => {
    const { client } = await connect(false);
    const text = textOf(await client.callTool({ name: 'explain_drift', arguments: { id: 'd1' } }));
    expect(text).toContain('ingress.0.cidr_blocks.0: 10.0.0.0/16 → 0.0.0.0/0');
    expect(text).toContain('Why it matters: it changes who or what can reach the resource');
    expect(text).toContain('Suggested remediation: Either revert the live change with `terraform apply`');
  });

  it('acknowledges as the MCP principal and triggers scans only with writes allowed', async () => {
    const { client, store, triggered } = await connect(true);
    const r = await client.callTool({
      name: 'acknowledge_drift',
      arguments: { id: 'd2', reason: 'known, change window' },
    });
    expect(r.isError).toBeFalsy();
    expect(store.records.get('d2')).toMatchObject({
      status: 'acknowledged',
      acknowledgement: { by: 'mcp:alice', reason: 'known, change window' },
    });
    const s = await client.callTool({ name: 'trigger_scan', arguments: { target: 'prod-eu' } });
    expect(JSON.parse(textOf(s)).scanId).toBe('s-new');
    expect(triggered).toEqual(['prod-eu']);
    const ro = await connect(false);
    await expect(
      ro.client.callTool({ name: 'acknowledge_drift', arguments: { id: 'd2', reason: 'x' } }),
    ).resolves.toMatchObject({ isError: true });
  });
});
