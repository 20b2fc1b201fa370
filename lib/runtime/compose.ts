import { classifyDrift } from '../core/classify/index.ts';
import { createRegistry, type MappingRegistry } from '../core/mapping/registry.ts';
import { awsMappings } from '../mappings/aws/index.ts';
import { azureMappings } from '../mappings/azure/index.ts';
import { gcpMappings } from '../mappings/gcp/index.ts';
import { generatedMappings } from '../mappings/generated/index.ts';
import { kubernetesMappings } from '../mappings/kubernetes/index.ts';

/** Hand-written mappings first (they win), then the generated existence-only ones. */
export function defaultRegistry(): MappingRegistry {
  return createRegistry(awsMappings, azureMappings, gcpMappings, kubernetesMappings, generatedMappings);
}

export const defaultClassifier = classifyDrift;
