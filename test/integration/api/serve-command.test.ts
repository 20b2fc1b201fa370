import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../../lib/cli/commands/serve.ts';
import type { CliIo } from '../../../lib/cli/io.ts';
import { FakeDriftStore } from '../../unit/api/fake-store.ts';
import { driftRecord, scanRecord } from '../../unit/api/fixtures.ts';
import { http } from './http-client.ts';

function bufferIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    stdoutIsTty: false,
    stderrIsTty: false,
    env: {},
    cwd: '/work/project',
  };
}

describe('driftwatch serve', () => {
  it('opens the store, prints URL and token, serves until stopped, then closes server and store', async () => {
    const io = bufferIo();
    const store = new FakeDriftStore().seed(driftRecord({ id: 'd1' }));
    const events: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((r) => {
      stop = r;
    });
    const running = serveCommand(['--port', '0', '--store-dir', 'state/.dw'], io, {
      openStore: async ({ dir }) => {
        events.push(`open ${dir}`);
        return {
          store,
          close: async () => {
            events.push('close store');
          },
        };
      },
      triggerScan: async () => scanRecord({ scanId: 's1' }),
      untilStopped: () => stopped,
    });
    await expect.poll(() => io.out.join('')).toContain('bearer token');
    const banner = io.out.join('');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+) \(store: state\/\.dw\)/.exec(banner)?.[1];
    const token = /bearer token for POST requests: ([0-9a-f]{64})/.exec(banner)?.[1];
    expect(url).toBeDefined();
    expect(token).toBeDefined();
    expect((await http(url!, 'GET', '/drifts/d1')).status).toBe(200);
    const ack = await http(url!, 'POST', '/drifts/d1/acknowledge', {
      body: '{"reason":"accepted"}',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ack.status).toBe(200);
    stop();
    expect(await running).toBe(0);
    expect(events).toEqual(['open /work/project/state/.dw', 'close store']);
    await expect(http(url!, 'GET', '/health')).rejects.toThrow(/ECONNREFUSED/);
    expect(io.err.join('')).toMatch(/ GET \/drifts\/d1 200 \d+ms\n/);
  });

  it.each([
    [['--port', '70000'], 'serve: --port: Too big: expected number to be <=65535'],
    [['--port', 'http'], 'serve: --port: Invalid input: expected number, received NaN'],
    [['--host', 'evil host'], 'serve: --host: expected a host name or IP address'],
    [['extra'], 'serve: --positionals: unexpected argument (serve takes only --port, --host, --store-dir)'],
  ])('rejects %j before opening the store', async (args, message) => {
    let opened = false;
    const deps = {
      openStore: async () => {
        opened = true;
        return { store: new FakeDriftStore(), close: async () => undefined };
      },
      triggerScan: async () => scanRecord({ scanId: 's' }),
    };
    await expect(serveCommand(args, bufferIo(), deps)).rejects.toThrow(message);
    expect(opened).toBe(false);
  });

  it('closes the store when the port is taken', async () => {
    const io = bufferIo();
    let stop!: () => void;
    const first = serveCommand(['--port', '0'], io, {
      openStore: async () => ({ store: new FakeDriftStore(), close: async () => undefined }),
      triggerScan: async () => scanRecord({ scanId: 's' }),
      untilStopped: () => new Promise((r) => (stop = r)),
    });
    await expect.poll(() => io.out.join('')).toContain('listening');
    const port = /127\.0\.0\.1:(\d+)/.exec(io.out.join(''))![1]!;
    let closed = false;
    await expect(
      serveCommand(['--port', port], bufferIo(), {
        openStore: async () => ({
          store: new FakeDriftStore(),
          close: async () => {
            closed = true;
          },
        }),
        triggerScan: async () => scanRecord({ scanId: 's' }),
      }),
    ).rejects.toThrow(`serve: port ${port} on 127.0.0.1 is in use (try --port)`);
    expect(closed).toBe(true);
    stop();
    await first;
  });
});
