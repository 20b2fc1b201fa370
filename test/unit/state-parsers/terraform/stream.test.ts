import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateParseError } from '../../../../lib/core/model/errors.ts';
import {
  parseTerraformState,
  parseTerraformStateStream,
  readTerraformStateStream,
} from '../../../../state-parsers/terraform/index.ts';
import { chunked, FIXTURES, fixtureCases, testHasher } from './helpers.ts';

const opts = { source: 'big.tfstate', hasher: testHasher };
const enc = new TextEncoder();

async function outcome(run: () => Promise<unknown> | unknown): Promise<string> {
  try {
    return JSON.stringify(await run());
  } catch (err) {
    if (!(err instanceof StateParseError)) throw err;
    return `error: ${err.message}`;
  }
}

/** A realistic pretty-printed v4 state of `count` aws_instance-like resources (a few MB). */
function generatedState(count: number, indent: number | string = 2): string {
  const resources = Array.from({ length: count }, (_, i) => ({
    module: i % 3 === 0 ? `module.app["zoë-${i % 7}"]` : undefined,
    mode: 'managed',
    type: 'aws_instance',
    name: 'web',
    each: 'list',
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        index_key: i,
        schema_version: 1,
        attributes: {
          id: `i-${i.toString(16).padStart(17, '0')}`,
          arn: `arn:aws:ec2:eu-west-1:123456789012:instance/i-${i.toString(16).padStart(17, '0')}`,
          instance_type: i % 2 ? 't3.micro' : 'm6i.large',
          tags: { Name: `web-${i} "quoted" \\ back\\slash }]{[`, 'kubernetes.io/role': '日本' },
          user_data: 'line1\nline2\n    }\n',
          root_block_device: [{ volume_size: 8 + (i % 5), encrypted: true, kms_key_id: '' }],
          password: i % 10 === 0 ? `pw-${i}-secret` : '',
          numeric: 18446744073709551615n.toString(),
        },
        sensitive_attributes: i % 4 === 0 ? [[{ type: 'get_attr', value: 'user_data' }]] : [],
      },
      ...(i % 50 === 0
        ? [{ index_key: i, deposed: 'a1b2c3d4', schema_version: 1, attributes: { id: `i-old${i}` } }]
        : []),
    ],
  }));
  return JSON.stringify(
    {
      version: 4,
      terraform_version: '1.9.5',
      serial: 7,
      lineage: 'lin',
      outputs: {},
      resources,
      check_results: null,
    },
    null,
    indent,
  );
}

describe('parseTerraformStateStream', () => {
  for (const name of fixtureCases()) {
    it(`gives the same result as the in-memory parser at every chunk size (${name})`, async () => {
      const bytes = readFileSync(join(FIXTURES, name, 'terraform.tfstate'));
      const expected = await outcome(() => parseTerraformState(bytes.toString('utf8'), opts));
      for (const size of [1, 2, 3, 5, 17, 64, 4096, bytes.length]) {
        expect(await outcome(() => readTerraformStateStream(chunked(bytes, size), opts))).toBe(expected);
      }
    });
  }

  it('matches the in-memory parser on a generated multi-MB state, pretty or minified', async () => {
    for (const indent of [2, 4, '\t', 0]) {
      const text = generatedState(4000, indent);
      const bytes = enc.encode(text);
      expect(bytes.length).toBeGreaterThan(indent === 0 ? 2_000_000 : 3_000_000);
      const expected = parseTerraformState(text, opts);
      for (const size of [65_536, 1_000_003]) {
        const streamed = await readTerraformStateStream(chunked(bytes, size), opts);
        expect(streamed.resources.length).toBe(4080);
        expect(streamed).toEqual(expected);
      }
    }
  });

  it('finds pretty-printed element ends split over many tiny chunks', async () => {
    const text = generatedState(30);
    const bytes = enc.encode(text);
    const expected = parseTerraformState(text, opts);
    // Big first chunk (so the fast path engages), then 1-3 byte chunks through closing lines.
    async function* uneven(): AsyncGenerator<Uint8Array> {
      let i = 0;
      let k = 0;
      while (i < bytes.length) {
        const size = k++ % 7 === 0 ? 997 : 1 + (k % 3);
        yield bytes.subarray(i, i + size);
        i += size;
      }
    }
    expect(await readTerraformStateStream(uneven(), opts)).toEqual(expected);
  });

  it('returns the header as the generator result', async () => {
    const gen = parseTerraformStateStream(chunked(enc.encode(generatedState(3)), 10), opts);
    const addresses: string[] = [];
    for (;;) {
      const next = await gen.next();
      if (next.done) {
        expect(next.value).toEqual({ version: 4, terraformVersion: '1.9.5', serial: 7, lineage: 'lin' });
        break;
      }
      addresses.push(next.value.address);
    }
    expect(addresses).toEqual([
      'module.app["zoë-0"].aws_instance.web[0]',
      'module.app["zoë-0"].aws_instance.web[0]', // its deposed object
      'aws_instance.web[1]',
      'aws_instance.web[2]',
    ]);
  });

  it('handles resources written before the version and a state with no resources', async () => {
    const late =
      '{"resources":[{"mode":"managed","type":"aws_vpc","name":"a","instances":[{"attributes":{"id":"vpc-1"}}]}],"version":4}';
    const doc = await readTerraformStateStream(chunked(enc.encode(late), 7), opts);
    expect(doc.resources.map((r) => r.id)).toEqual(['vpc-1']);
    const empty = await readTerraformStateStream(chunked(enc.encode('{"version":4,"serial":1}'), 3), opts);
    expect(empty).toEqual({
      source: 'big.tfstate',
      version: 4,
      terraformVersion: null,
      serial: 1,
      lineage: null,
      resources: [],
    });
  });

  it('fails with StateParseError on truncated, empty, encrypted and malformed streams', async () => {
    const text = generatedState(3);
    const truncated = enc.encode(text.slice(0, text.length - 40));
    expect(await outcome(() => readTerraformStateStream(chunked(truncated, 100), opts))).toBe(
      await outcome(() => parseTerraformState(text.slice(0, text.length - 40), opts)),
    );
    expect(await outcome(() => readTerraformStateStream(chunked(new Uint8Array(), 1), opts))).toBe(
      'error: big.tfstate: file is empty (no Terraform state in it)',
    );
    const broken = enc.encode('{"version":4,"resources":[{"mode":"managed","type":"a","name":"b",]}');
    for (const size of [1, 5, 100]) {
      expect(await outcome(() => readTerraformStateStream(chunked(broken, size), opts))).toBe(
        'error: big.tfstate: not valid JSON: syntax error at line 1, column 67',
      );
    }
    const scalar = enc.encode('{"version":4,"resources":[{"mode":"data","type":"a","name":"b"}, "oops"]}');
    expect(await outcome(() => readTerraformStateStream(chunked(scalar, 3), opts))).toBe(
      'error: big.tfstate: resources[1] is not an object',
    );
    const enc2 = enc.encode(
      '{"serial":1,"meta":{"k":"v"},"encrypted_data":"QUJD","encryption_version":"v0"}',
    );
    expect(await outcome(() => readTerraformStateStream(chunked(enc2, 4), opts))).toMatch(
      /encrypted by OpenTofu/,
    );
    expect(await outcome(() => readTerraformStateStream(chunked(enc.encode('[]'), 4), opts))).toMatch(
      /expected a JSON object at the top level/,
    );
  });
});
