import type { z } from 'zod';
import { DriftwatchError } from '../../lib/core/model/errors.ts';

/** The Lambda was invoked with a payload the workflow contract does not allow. */
export class InvalidInputError extends DriftwatchError {}

/** The Lambda environment is missing or has an invalid variable. */
export class EnvironmentError extends DriftwatchError {}

/** Parses `raw` with `schema`; the first issue becomes one line naming the field. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : '(top level)';
  throw new InvalidInputError(`${where}: ${issue?.message ?? 'invalid'}`, what);
}

/** One line for a caught error: name and first message line, never a stack. */
export function oneLine(err: unknown): string {
  if (err instanceof Error) {
    const first = err.message.split('\n')[0] ?? '';
    return err.name && err.name !== 'Error' ? `${err.name}: ${first}` : first;
  }
  return String(err).split('\n')[0] ?? '';
}
