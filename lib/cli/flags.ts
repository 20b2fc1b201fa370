import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';
import { UsageError } from '../core/model/errors.ts';

/** Parses argv with node:util and validates the result with zod; every problem is a UsageError. */
export function parseFlags<T extends z.ZodType>(
  command: string,
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: T,
): z.infer<T> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message.split('\n')[0]}`);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? `--${issue.path.join('.')}` : 'arguments';
    throw new UsageError(`${command}: ${where}: ${issue.message}`);
  }
  return result.data;
}
