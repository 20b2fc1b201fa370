import type { ResourceManagementClient } from '@azure/arm-resources';
import type { CallRunner } from './call-runner.ts';

/** Provider namespace and resource type path of an ARM id (`Microsoft.Network`, `virtualNetworks/subnets`). */
export function armTypeOf(id: string): { namespace: string; type: string } | undefined {
  const parts = id.split('/').filter(Boolean);
  const p = parts.map((s) => s.toLowerCase()).lastIndexOf('providers');
  if (p < 0) {
    // /subscriptions/{s}/resourceGroups/{rg}: the resource group itself.
    return parts.length === 4 && parts[2]!.toLowerCase() === 'resourcegroups'
      ? { namespace: 'Microsoft.Resources', type: 'resourceGroups' }
      : undefined;
  }
  const rest = parts.slice(p + 1);
  if (rest.length < 3) return undefined;
  const types: string[] = [];
  for (let i = 1; i < rest.length; i += 2) types.push(rest[i]!);
  return { namespace: rest[0]!, type: types.join('/') };
}

/** Newest stable api-version, else the newest preview (ARM lists them newest first, but sort anyway). */
export function pickApiVersion(versions: readonly string[]): string | undefined {
  const sorted = [...versions].sort().reverse();
  return sorted.find((v) => !v.includes('preview')) ?? sorted[0];
}

/** Resolves api-versions from the provider's resource types, one providers.get per namespace and subscription. */
export class ApiVersions {
  private readonly cache = new Map<string, Promise<Map<string, string>>>();

  constructor(
    private readonly client: (subscription: string) => ResourceManagementClient,
    private readonly runner: CallRunner,
  ) {}

  async of(subscription: string, id: string): Promise<string | undefined> {
    const t = armTypeOf(id);
    if (!t) return undefined;
    const key = `${subscription}|${t.namespace.toLowerCase()}`;
    let types = this.cache.get(key);
    if (!types) {
      types = this.load(subscription, t.namespace);
      this.cache.set(key, types);
    }
    return (await types).get(t.type.toLowerCase());
  }

  private async load(subscription: string, namespace: string): Promise<Map<string, string>> {
    const provider = await this.runner.run(
      'arm.providers.get',
      (abortSignal) => this.client(subscription).providers.get(namespace, { abortSignal }),
      () => undefined,
    );
    const out = new Map<string, string>();
    for (const rt of provider.resourceTypes ?? []) {
      const v = pickApiVersion(rt.apiVersions ?? []);
      if (rt.resourceType && v) out.set(rt.resourceType.toLowerCase(), v);
    }
    return out;
  }
}
