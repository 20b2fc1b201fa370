import { z } from 'zod';
import { ProviderSchema } from '../../lib/core/model/provider.ts';

/** One line of the scan manifest = one Distributed Map item = one ScanShard input. */
export const ShardLineSchema = z.object({
  scanId: z.string().min(1),
  target: z.string().min(1),
  shardId: z.string().min(1),
  provider: ProviderSchema,
  scope: z.string().min(1),
  /** The parent the inventory is asked about (GCP folder/organization, Kubernetes context). */
  parent: z.string().optional(),
  typeGroup: z.array(z.string()).optional(),
  startedAt: z.iso.datetime(),
});
export type ShardLine = z.infer<typeof ShardLineSchema>;
