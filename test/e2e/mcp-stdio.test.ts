import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';

describe('driftwatch mcp over stdio', () => {
  it('answers tools/list and get_stats from the real binary on an embedded store', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dw-mcp-')), '.driftwatch');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['bin/driftwatch.js', 'mcp', '--store-dir', dir],
      env: { ...(process.env as Record<string, string>), DRIFTWATCH_HASH_KEY: 'k' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    try {
      const tools = (await client.listTools()).tools.map((t) => t.name);
      expect(tools).toContain('explain_drift');
      expect(tools).not.toContain('acknowledge_drift');
      const stats = await client.callTool({ name: 'get_stats', arguments: {} });
      const body = JSON.parse((stats as { content: { text: string }[] }).content[0]!.text);
      expect(body.byStatus).toEqual({ active: 0, acknowledged: 0, resolved: 0 });
    } finally {
      await client.close();
    }
  }, 60_000);
});
