import { describe, expect, it } from 'vitest';
import {
  buildGeneratedMappings,
  generatedMappings,
  generatedMappingsOf,
  TYPE_MAP,
  TYPE_MAP_AWS,
  TYPE_MAP_AZURE,
  TYPE_MAP_GCP,
  TYPE_MAP_KUBERNETES,
} from '../../../../lib/mappings/generated/index.ts';
import { defaultRegistry } from '../../../../lib/runtime/compose.ts';

const SLICES = {
  aws: TYPE_MAP_AWS,
  azure: TYPE_MAP_AZURE,
  gcp: TYPE_MAP_GCP,
  kubernetes: TYPE_MAP_KUBERNETES,
};

describe('per-provider type map slices', () => {
  it('each holds only its provider, and TYPE_MAP is their concatenation in provider order', () => {
    for (const [provider, rows] of Object.entries(SLICES))
      expect([provider, rows.every((r) => r.provider === provider)]).toEqual([provider, true]);
    expect(Object.values(SLICES).map((rows) => rows.length)).toEqual([1835, 1117, 576, 90]);
    expect(TYPE_MAP).toEqual([...TYPE_MAP_AWS, ...TYPE_MAP_AZURE, ...TYPE_MAP_GCP, ...TYPE_MAP_KUBERNETES]);
    expect(TYPE_MAP[0]).toEqual({
      provider: 'aws',
      terraformType: 'aws_accessanalyzer_analyzer',
      nativeType: 'AWS::AccessAnalyzer::Analyzer',
      inventory: 'config+cloudcontrol',
    });
  });

  it('building per slice gives the same mappings, in the same order, as building the whole map', () => {
    // JSON: the provider defaults hold functions (fresh closures per build); everything else must match.
    const whole = buildGeneratedMappings(TYPE_MAP);
    expect(generatedMappings).toHaveLength(whole.length);
    expect(JSON.stringify(generatedMappings)).toBe(JSON.stringify(whole));
    // Memoized per slice: the CLI registry and generatedMappings share one build.
    expect(generatedMappingsOf(TYPE_MAP_GCP)[0]).toBe(generatedMappingsOf(TYPE_MAP_GCP)[0]);
  });

  it('the unbundled registry (no DRIFTWATCH_BUNDLE_PROVIDER) knows every provider’s generated types', () => {
    expect(process.env.DRIFTWATCH_BUNDLE_PROVIDER).toBeUndefined();
    const registry = defaultRegistry();
    for (const type of [
      'aws_accessanalyzer_analyzer',
      'azurerm_aadb2c_directory',
      'google_access_context_manager_access_policy',
      'kubernetes_token_request_v1',
    ])
      expect([type, registry.get(type)?.terraformTypes.includes(type)]).toEqual([type, true]);
  });
});
