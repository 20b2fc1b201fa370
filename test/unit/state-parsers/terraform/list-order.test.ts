import { describe, expect, it } from 'vitest';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';
import { parseTerraformState } from '../../../../state-parsers/terraform/index.ts';
import {
  compareKeys,
  moduleSteps,
  sortLikeStateList,
} from '../../../../state-parsers/terraform/list-order.ts';
import { testHasher } from './helpers.ts';

function res(module: string | null, mode: 'managed' | 'data', type: string, index: number | string | null) {
  return {
    module,
    mode,
    type,
    name: 'x',
    index,
    address: `${module ?? ''}|${mode}|${type}|${index}`,
  } as unknown as StateResource;
}

describe('terraform state list order', () => {
  it('splits module paths into steps with count and for_each keys', () => {
    expect(moduleSteps('module.app["blue \\"x\\""].module.dns[2].module.z')).toEqual([
      { name: 'app', key: 'blue "x"' },
      { name: 'dns', key: 2 },
      { name: 'z', key: null },
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal for_each key containing ${
    expect(moduleSteps('module.k["$${a}"]')).toEqual([{ name: 'k', key: '${a}' }]);
    expect(moduleSteps(null)).toEqual([]);
  });

  it('orders keys like InstanceKeyLess: none, numbers numerically, then strings by code point', () => {
    const keys: Array<number | string | null> = ['b', 10, null, 'B', 2, 'é', 'a'];
    expect(keys.sort(compareKeys)).toEqual([null, 2, 10, 'B', 'a', 'b', 'é']);
  });

  it('sorts shallower modules first, then module steps, data before managed, type, key', () => {
    const input = [
      res('module.a.module.z', 'managed', 'aws_vpc', null),
      res('module.b', 'managed', 'aws_vpc', null),
      res('module.a', 'managed', 'aws_vpc', null),
      res(null, 'managed', 'aws_vpc', 10),
      res(null, 'managed', 'aws_vpc', 9),
      res(null, 'data', 'aws_vpc', null),
      res('module.a[1]', 'managed', 'aws_vpc', null),
      res('module.a["x"]', 'managed', 'aws_vpc', null),
      res('module.a[0]', 'managed', 'aws_vpc', null),
    ];
    expect(sortLikeStateList(input).map((r) => r.address)).toEqual([
      '|data|aws_vpc|null',
      '|managed|aws_vpc|9',
      '|managed|aws_vpc|10',
      'module.a|managed|aws_vpc|null',
      'module.a[0]|managed|aws_vpc|null',
      'module.a[1]|managed|aws_vpc|null',
      'module.a["x"]|managed|aws_vpc|null',
      'module.b|managed|aws_vpc|null',
      'module.a.module.z|managed|aws_vpc|null',
    ]);
  });

  it('puts a Terraform-written state with nested modules into state list order', () => {
    // Terraform writes resources sorted by the module path as a string.
    const state = {
      version: 4,
      terraform_version: '1.12.2',
      serial: 1,
      lineage: 'l',
      resources: ['module.app', 'module.app.module.dns', 'module.network'].map((module) => ({
        module,
        mode: 'managed',
        type: 'aws_vpc',
        name: 'this',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ attributes: { id: module } }],
      })),
    };
    const doc = parseTerraformState(JSON.stringify(state), { source: 's', hasher: testHasher });
    expect(doc.resources.map((r) => r.address)).toEqual([
      'module.app.aws_vpc.this',
      'module.network.aws_vpc.this',
      'module.app.module.dns.aws_vpc.this',
    ]);
  });
});
