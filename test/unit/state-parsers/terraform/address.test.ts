import { describe, expect, it } from 'vitest';
import { hclQuote, instanceAddress } from '../../../../state-parsers/terraform/address.ts';

describe('instance addresses', () => {
  it('formats module paths, data mode, count and for_each keys', () => {
    expect(instanceAddress('module.a.module.b', 'managed', 'aws_x', 'name', 0)).toBe(
      'module.a.module.b.aws_x.name[0]',
    );
    expect(instanceAddress(null, 'managed', 'aws_x', 'name', 'key')).toBe('aws_x.name["key"]');
    expect(instanceAddress(null, 'data', 'aws_y', 'z', null)).toBe('data.aws_y.z');
    expect(instanceAddress('module.m["k"]', 'data', 'aws_y', 'z', 2)).toBe('module.m["k"].data.aws_y.z[2]');
  });

  it('quotes keys like Terraform toHCLQuotedString', () => {
    expect(hclQuote('')).toBe('""');
    expect(hclQuote('a"b\\c\nd\re\tf')).toBe('"a\\"b\\\\c\\nd\\re\\tf"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal for_each key containing ${
    expect(hclQuote('${x} %{y} $ % $z')).toBe('"$${x} %%{y} $ % $z"');
    expect(hclQuote('zoë ü 日本 🚀')).toBe('"zoë ü 日本 🚀"');
    expect(hclQuote('a\u0000b\u00a0c\u{e0001}')).toBe('"a\\u0000b\\u00a0c\\U000e0001"');
  });
});
