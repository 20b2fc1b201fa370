import { z } from 'zod';
import { parseFlags } from '../flags.ts';

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'markdown', 'html'] as const;

const ScanFlagsSchema = z
  .object({
    config: z.string().min(1).optional(),
    'tf-dir': z.array(z.string().min(1)).default([]),
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
      .optional(),
    'store-dir': z.string().min(1).default('.driftwatch'),
    positionals: z.array(z.string()).max(0, 'unexpected argument (use --state/--inventory/--manifests)'),
  })
  .refine((f) => f.config !== undefined || f.state.length + f.manifests.length + f['tf-dir'].length > 0, {
    message: 'give --config <file>, or at least one --state <source>, --tf-dir <dir> or --manifests <dir>',
    path: ['state'],
  })
  .refine(
    (f) =>
      f.config === undefined ||
      f.state.length + f.inventory.length + f.manifests.length + f['tf-dir'].length === 0,
    {
      message:
        '--config takes its state and inventory from the file; do not mix it with --state/--inventory/--manifests/--tf-dir',
      path: ['config'],
    },
  )
  .refine((f) => f.config !== undefined || f.inventory.length > 0, {
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
      config: { type: 'string' },
      'tf-dir': { type: 'string', multiple: true },
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
