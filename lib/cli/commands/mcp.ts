import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { createRouter } from '../../api/router.ts';
import { acknowledge, unacknowledge } from '../../core/lifecycle/index.ts';
import { createMcpServer } from '../../mcp/server.ts';
import { parseFlags } from '../flags.ts';
import type { CliIo } from '../io.ts';
import { localServeDeps } from '../serve-wiring.ts';

const McpFlagsSchema = z.object({
  'allow-writes': z.boolean().default(false),
  'store-dir': z.string().min(1).default('.driftwatch'),
  positionals: z.array(z.string()).max(0, 'unexpected argument (mcp takes --allow-writes and --store-dir)'),
});

/**
 * `driftwatch mcp [--allow-writes] [--store-dir .driftwatch]`: an MCP server on stdio over the local
 * store. stdout carries the protocol, so everything else goes to stderr. Runs until stdin closes.
 */
export async function mcpCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    'mcp',
    args,
    { 'allow-writes': { type: 'boolean' }, 'store-dir': { type: 'string' } },
    McpFlagsSchema,
  );
  const deps = localServeDeps(io);
  const opened = await deps.openStore({ dir: resolve(io.cwd, flags['store-dir']) });
  try {
    const router = createRouter({
      store: opened.store,
      lifecycle: { acknowledge, unacknowledge },
      triggerScan: deps.triggerScan,
    });
    const server = createMcpServer({
      router,
      allowWrites: flags['allow-writes'],
      principal: `mcp:${userInfo().username}`,
      version: '0.1.0',
    });
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((done) => {
      transport.onclose = () => done();
      process.stdin.once('end', () => done());
    });
    await server.connect(transport);
    io.stderr(`driftwatch MCP server on stdio (${flags['allow-writes'] ? 'read-write' : 'read-only'})\n`);
    await closed;
    await server.close();
    return 0;
  } finally {
    await opened.close();
  }
}
