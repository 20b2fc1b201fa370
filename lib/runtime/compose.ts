import { classifyDrift } from '../core/classify/index.ts';
import { createRegistry, type MappingRegistry } from '../core/mapping/registry.ts';
import type { ResourceMapping } from '../core/mapping/types.ts';
import { awsMappings } from '../mappings/aws/index.ts';
import { azureMappings } from '../mappings/azure/index.ts';
import { gcpMappings } from '../mappings/gcp/index.ts';
import { generatedMappingsOf } from '../mappings/generated/build.ts';
import { TYPE_MAP_AWS } from '../mappings/generated/type-map-aws.ts';
import { TYPE_MAP_AZURE } from '../mappings/generated/type-map-azure.ts';
import { TYPE_MAP_GCP } from '../mappings/generated/type-map-gcp.ts';
import { TYPE_MAP_KUBERNETES } from '../mappings/generated/type-map-kubernetes.ts';
import { kubernetesMappings } from '../mappings/kubernetes/index.ts';

/*
 * DRIFTWATCH_BUNDLE_PROVIDER is set at bundle time (esbuild define, lib/infra/scan-shard-bundles.ts)
 * to the one provider a ScanShard function serves; unset (CLI, tests) every provider's generated
 * mappings are registered. esbuild folds only the defined expression itself (not a variable
 * holding it), so each test names it; the untaken branches drop the other providers' rows.
 */
function generatedForBundle(): (readonly ResourceMapping[])[] {
  return [
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'aws') === 'aws' ? generatedMappingsOf(TYPE_MAP_AWS) : [],
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'azure') === 'azure'
      ? generatedMappingsOf(TYPE_MAP_AZURE)
      : [],
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'gcp') === 'gcp' ? generatedMappingsOf(TYPE_MAP_GCP) : [],
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'kubernetes') === 'kubernetes'
      ? generatedMappingsOf(TYPE_MAP_KUBERNETES)
      : [],
  ];
}

/** Hand-written mappings first (they win), then the generated existence-only ones (this bundle's providers). */
export function defaultRegistry(): MappingRegistry {
  return createRegistry(awsMappings, azureMappings, gcpMappings, kubernetesMappings, ...generatedForBundle());
}

export const defaultClassifier = classifyDrift;
