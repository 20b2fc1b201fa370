import { z } from 'zod';
import { parseFlags } from '../flags.ts';

const ServeFlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Absent unless given: binding beyond loopback must be asked for in so many words. */
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'expected a host name or IP address')
    .optional(),
  'store-dir': z.string().min(1).default('.driftwatch'),
  positionals: z
    .array(z.string())
    .max(0, 'unexpected argument (serve takes only --port, --host, --store-dir)'),
});
export type ServeFlags = z.infer<typeof ServeFlagsSchema>;

/** `driftwatch serve` flags, validated. */
export function parseServeFlags(args: string[]): ServeFlags {
  return parseFlags(
    'serve',
    args,
    { port: { type: 'string' }, host: { type: 'string' }, 'store-dir': { type: 'string' } },
    ServeFlagsSchema,
  );
}
