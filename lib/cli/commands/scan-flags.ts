import { z } from 'zod';
import { parseFlags } from '../flags.ts';

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'markdown', 'html'] as const;

const ScanFlagsSchema = z
  .object({
    state: z.array(z.string().min(1)).default([]),
    inventory: z.array(z.string().min(1)).default([]),
    manifests: z.array(z.string().min(1)).default([]),
    ignore: z.string().min(1).optional(),
    format: z.enum(REPORT_FORMATS).optional(),
    out: z.string().min(1).optional(),
    cluster: z.string().min(1).default('default'),
    'no-color': z.boolean().default(false),
    store: z.boolean().default(false),
    target: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/,
        'letters, digits, ".", "_" and "-" only, up to 63 characters',
      )
      .default('default'),
    'store-dir': z.string().min(1).default('.driftwatch'),
    positionals: z.array(z.string()).max(0, 'unexpected argument (use --state/--inventory/--manifests)'),
  })
  .refine((f) => f.state.length + f.manifests.length > 0, {
    message: 'give at least one --state <source> or --manifests <dir>',
    path: ['state'],
  })
  .refine((f) => f.inventory.length > 0, {
    message:
      'give at least one --inventory <file> (an AWS Config, Resource Graph, Cloud Asset or kubectl export)',
    path: ['inventory'],
  });
export type ScanFlags = z.infer<typeof ScanFlagsSchema>;

/** `driftwatch scan` flags, validated. */
export function parseScanFlags(args: string[]): ScanFlags {
  return parseFlags(
    'scan',
    args,
    {
      state: { type: 'string', multiple: true },
      inventory: { type: 'string', multiple: true },
      manifests: { type: 'string', multiple: true },
      ignore: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      cluster: { type: 'string' },
      'no-color': { type: 'boolean' },
      store: { type: 'boolean' },
      target: { type: 'string' },
      'store-dir': { type: 'string' },
    },
    ScanFlagsSchema,
  );
}
