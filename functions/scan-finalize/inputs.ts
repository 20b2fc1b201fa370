import { z } from 'zod';

/** A Step Functions error as a Catch hands it over (`Cause` is often the Lambda's JSON error). */
export const CaughtErrorSchema = z.union([
  z.string(),
  z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose(),
]);

/** One Map output item: a shard's result, or what its Catch made of its failure. */
export const ShardResultSchema = z.discriminatedUnion('status', [
  z.object({
    shardId: z.string().min(1),
    target: z.string().min(1),
    status: z.literal('ok'),
    reportKey: z.string().min(1),
    drifts: z.number().int().nonnegative(),
    complete: z.boolean(),
  }),
  z.object({
    shardId: z.string().min(1),
    target: z.string().min(1),
    status: z.literal('failed'),
    error: CaughtErrorSchema.optional(),
  }),
]);
export type ShardResult = z.infer<typeof ShardResultSchema>;

/** Finalize payload: the Plan output plus the Map output. */
export const FinalizeInputSchema = z.object({
  scanId: z.string().min(1),
  targets: z.array(z.string().min(1)).min(1),
  startedAt: z.iso.datetime(),
  manifest: z.object({ bucket: z.string().min(1), key: z.string().min(1) }),
  shards: z.array(ShardResultSchema),
});
export type FinalizeInput = z.infer<typeof FinalizeInputSchema>;

/** ScanFailed payload: the Catch of Plan, Map or Finalize. */
export const ScanFailedInputSchema = z.object({
  scanId: z.string().min(1),
  failed: z.literal(true),
  error: CaughtErrorSchema.optional(),
  target: z.string().min(1).optional(),
  targets: z.array(z.string().min(1)).optional(),
  startedAt: z.iso.datetime().optional(),
});
export type ScanFailedInput = z.infer<typeof ScanFailedInputSchema>;

/** One line out of a caught error: `<Error>: <message>` (the Lambda's errorMessage when Cause is its JSON). */
export function caughtErrorText(e: z.infer<typeof CaughtErrorSchema> | undefined): string {
  if (e === undefined) return 'unknown error';
  if (typeof e === 'string') return e.split('\n')[0] ?? '';
  let message = e.Cause ?? '';
  try {
    const cause = JSON.parse(message) as { errorMessage?: unknown };
    if (typeof cause.errorMessage === 'string') message = cause.errorMessage;
  } catch {
    // Cause is plain text.
  }
  const first = message.split('\n')[0] ?? '';
  const text = e.Error && !first.startsWith(e.Error) ? `${e.Error}${first ? `: ${first}` : ''}` : first;
  return text.slice(0, 1000) || 'unknown error';
}
