import { DriftwatchError } from '../core/model/errors.ts';
import { createHasher } from '../runtime/hasher.ts';
import { scanCommand } from './commands/scan.ts';
import { stateListCommand } from './commands/state-list.ts';
import type { CliIo } from './io.ts';

const USAGE = `driftwatch — find drift between Terraform/Kubernetes desired state and live cloud inventories

Usage:
  driftwatch scan --state <source> [--state <source> ...]
                  [--inventory <file> ...] [--manifests <dir> ...]
                  [--ignore <file>] [--format table|json|sarif|markdown|html] [--out <file>]
                  [--cluster <name>] [--no-color]
                  [--store [--target <name>] [--store-dir .driftwatch]]
  driftwatch state list <source> [--format json|text]
  driftwatch demo [--store-dir .driftwatch]
  driftwatch serve [--port 8080] [--host 127.0.0.1] [--store-dir .driftwatch]
  driftwatch mcp [--allow-writes] [--store-dir .driftwatch]   (MCP server on stdio)
  driftwatch --version | --help

Exit codes: 0 no drift, 2 drift found, 1 error.
`;

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest, io);
      case 'demo': {
        // Store commands load the DynamoDB client and dynalite only when used.
        quietAwsSdk(io);
        const { demoCommand } = await import('./commands/demo.ts');
        return await demoCommand(rest, io);
      }
      case 'mcp': {
        quietAwsSdk(io);
        const { mcpCommand } = await import('./commands/mcp.ts');
        return await mcpCommand(rest, io);
      }
      case 'serve': {
        quietAwsSdk(io);
        const { serveCommand } = await import('./commands/serve.ts');
        const { localServeDeps } = await import('./serve-wiring.ts');
        return await serveCommand(rest, io, localServeDeps(io));
      }
      case 'state':
        if (rest[0] !== 'list')
          throw new DriftwatchError(`unknown command "state ${rest[0] ?? ''}" (did you mean "state list"?)`);
        return await stateListCommand(rest.slice(1), {
          ...io,
          hasher: createHasher(io.env.DRIFTWATCH_HASH_KEY),
        });
      case '--version':
      case 'version':
        io.stdout('driftwatch 0.1.0\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return 0;
      default:
        throw new DriftwatchError(`unknown command "${command}"; run "driftwatch --help"`);
    }
  } catch (err) {
    io.stderr(`driftwatch: ${errorLine(err)}\n`);
    if (io.env.DRIFTWATCH_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 1;
  }
}

/** The AWS SDK warns about Node 20 on every client; locally that is noise (Lambda runs Node 22+). */
function quietAwsSdk(io: CliIo): void {
  if (io.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  }
}

/** One line for the user: our own errors as they are, anything else without its stack. */
function errorLine(err: unknown): string {
  if (err instanceof DriftwatchError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.path) return `${e.path}: no such file or directory`;
  if (e?.code === 'EACCES' && e.path) return `${e.path}: permission denied`;
  if (e?.code === 'EISDIR' && e.path) return `${e.path}: is a directory, expected a file`;
  const msg = err instanceof Error ? err.message : String(err);
  return `unexpected error: ${msg.split('\n')[0]}`;
}
