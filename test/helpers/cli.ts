import { main } from '../../lib/cli/main.ts';

/** Runs the CLI in-process with captured output. */
export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    stdoutIsTty: opts.tty ?? false,
    stderrIsTty: false,
    env: { DRIFTWATCH_HASH_KEY: 'test-key', ...(opts.env ?? {}) },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
