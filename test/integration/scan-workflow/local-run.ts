import type { Context } from 'aws-lambda';
import type { Asl, AslState } from './definition.ts';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/**
 * aws-local-stepfunctions runs Map states over an array in the input and ignores a Distributed
 * Map's `ItemReader`. So each Map with an ItemReader becomes two states: a Task of the same name
 * (same incoming transitions, same Catch) that reads the items into `$.__items` — run locally by
 * `readItems` — followed by the original Map over `$.__items`. Nothing else changes.
 */
export function withLocalItemReaders(asl: Asl): { asl: Asl; readers: string[] } {
  const states: Record<string, AslState> = {};
  const readers: string[] = [];
  for (const [name, state] of Object.entries(asl.States)) {
    if (state.Type !== 'Map' || !state.ItemReader) {
      states[name] = state;
      continue;
    }
    const {
      ItemReader,
      ToleratedFailurePercentage: _p,
      ToleratedFailureCount: _c,
      ResultWriter: _w,
      ...map
    } = state;
    const reader = ItemReader as { Resource: string; Parameters?: unknown };
    readers.push(name);
    states[name] = {
      Type: 'Task',
      Resource: reader.Resource,
      ...(reader.Parameters ? { Parameters: reader.Parameters } : {}),
      ResultPath: '$.__items',
      Next: `${name}Items`,
      ...(state.Catch ? { Catch: state.Catch } : {}),
    };
    states[`${name}Items`] = { ...map, ItemsPath: '$.__items' };
  }
  return { asl: { ...asl, States: states }, readers };
}

/** Every Task state by name, nested Map/Parallel states included. */
export function taskStates(asl: { States: Record<string, AslState> }): Map<string, AslState> {
  const out = new Map<string, AslState>();
  for (const [name, s] of Object.entries(asl.States)) {
    if (s.Type === 'Task') out.set(name, s);
    const inner = (s.ItemProcessor ?? s.Iterator) as { States: Record<string, AslState> } | undefined;
    if (inner) for (const [n, t] of taskStates(inner)) out.set(n, t);
    for (const b of (s.Branches as { States: Record<string, AslState> }[] | undefined) ?? [])
      for (const [n, t] of taskStates(b)) out.set(n, t);
  }
  return out;
}

type LambdaFn = (event: unknown, context: Context) => Promise<unknown>;

/**
 * A local handler for a Lambda task state: with the `lambda:invoke` integration the state passes
 * `{ FunctionName, Payload }` and reads `{ Payload, StatusCode }`, so the handler is wrapped
 * accordingly; a task naming the function ARN directly gets the payload as is.
 */
export function lambdaTask(state: AslState | undefined, fn: LambdaFn, context: Context) {
  const viaInvoke = state?.Resource === LAMBDA_INVOKE;
  return async (input: unknown) => {
    const payload = viaInvoke ? (input as { Payload?: unknown }).Payload : input;
    const out = await fn(payload, context);
    return (viaInvoke ? { Payload: out, StatusCode: 200, ExecutedVersion: '$LATEST' } : out) as never;
  };
}
