import { z } from 'zod';
import { ProviderSchema } from './provider.ts';

/**
 * Evidence that an inventory covers a scope: the native types it records there (or '*' when it
 * states it records everything), and whether the listing is complete.
 */
export const CoverageEvidenceSchema = z.object({
  provider: ProviderSchema,
  scope: z.string(),
  /** Native types recorded in this scope; '*' = the inventory says it records every type. */
  nativeTypes: z.union([z.literal('*'), z.array(z.string())]),
  /** False when the listing of this scope failed or was cut short: nothing in it is missing. */
  complete: z.boolean(),
  reason: z.string().optional(),
  source: z.string(),
});
export type CoverageEvidence = z.infer<typeof CoverageEvidenceSchema>;

/** What an inventory source yields: resources plus what it evidently covers. */
export interface InventorySnapshot {
  resources: import('./live-resource.ts').LiveResource[];
  coverage: CoverageEvidence[];
}

/** Canonical scope keys, one format per provider, shared by readers and the engine. */
export const scopeKey = {
  aws: (account: string, region: string) => `aws:${account}:${region}`,
  azure: (subscription: string) => `azure:${subscription.toLowerCase()}`,
  gcp: (project: string) => `gcp:${project}`,
  kubernetes: (cluster: string) => `kubernetes:${cluster}`,
};
