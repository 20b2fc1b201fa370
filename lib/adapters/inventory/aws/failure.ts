/** A scope could not be read; the message is the one-line reason put on its coverage evidence. */
export class ScopeFailure extends Error {}

const MAX_MESSAGE = 240;

/**
 * One line for a failed AWS call: what was attempted, the error name and message, and how many
 * attempts the SDK made. AWS error messages name principals and resources, never secrets.
 */
export function describeFailure(what: string, err: unknown): string {
  if (err instanceof ScopeFailure) return err.message;
  const e = (err ?? {}) as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { attempts?: number; httpStatusCode?: number };
  };
  const name = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
  let message = String(e.message ?? '')
    .split('\n')[0]!
    .trim();
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 1)}…`;
  const attempts = e.$metadata?.attempts;
  const tail = attempts && attempts > 1 ? ` (after ${attempts} attempts)` : '';
  return `${what} failed: ${name}${message && message !== name ? `: ${message}` : ''}${tail}`;
}
