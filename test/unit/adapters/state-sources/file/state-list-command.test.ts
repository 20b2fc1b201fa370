import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateListCommand } from '../../../../../lib/cli/commands/state-list.ts';
import { UsageError } from '../../../../../lib/core/model/errors.ts';

// Tests `driftwatch state list` end to end on a real file (kept beside the file adapter it drives).
const hasher = (plain: string) => `h${plain.length}`;
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dw-list-'));
  file = join(dir, 'terraform.tfstate');
  writeFileSync(
    file,
    JSON.stringify({
      version: 4,
      terraform_version: '1.9.5',
      serial: 3,
      lineage: 'l',
      resources: [
        {
          mode: 'data',
          type: 'aws_caller_identity',
          name: 'current',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [{ attributes: { id: '123456789012' } }],
        },
        {
          module: 'module.net',
          mode: 'managed',
          type: 'aws_subnet',
          name: 'private',
          each: 'map',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            { index_key: 'a "b"', attributes: { id: 'subnet-1' } },
            { index_key: 'a "b"', deposed: '00c0ffee', attributes: { id: 'subnet-0' } },
          ],
        },
      ],
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = stateListCommand(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), hasher });
  return { code, out, err };
}

describe('driftwatch state list', () => {
  it('prints one address per instance as text (deposed objects once), like terraform state list', async () => {
    const r = run([file]);
    expect(await r.code).toBe(0);
    expect(r.out.join('')).toBe(
      'data.aws_caller_identity.current\nmodule.net.aws_subnet.private["a \\"b\\""]\n',
    );
  });

  it('prints every instance object as JSON with ids, deposed ones marked', async () => {
    const r = run(['list', file, '--format', 'json']);
    expect(await r.code).toBe(0);
    expect(JSON.parse(r.out.join(''))).toEqual([
      {
        address: 'data.aws_caller_identity.current',
        mode: 'data',
        type: 'aws_caller_identity',
        name: 'current',
        module: null,
        index: null,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        id: '123456789012',
      },
      {
        address: 'module.net.aws_subnet.private["a \\"b\\""]',
        mode: 'managed',
        type: 'aws_subnet',
        name: 'private',
        module: 'module.net',
        index: 'a "b"',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        id: 'subnet-1',
      },
      {
        address: 'module.net.aws_subnet.private["a \\"b\\""]',
        mode: 'managed',
        type: 'aws_subnet',
        name: 'private',
        module: 'module.net',
        index: 'a "b"',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        id: 'subnet-0',
        deposed: '00c0ffee',
      },
    ]);
  });

  it('rejects bad flags and arguments with a UsageError', async () => {
    await expect(run([file, '--format', 'yaml']).code).rejects.toThrow(UsageError);
    await expect(run([file, '--format', 'yaml']).code).rejects.toThrow(/--format must be json or text/);
    await expect(run([file, '--bogus']).code).rejects.toThrow(UsageError);
    await expect(run([]).code).rejects.toThrow(/expected exactly one state source/);
    await expect(run([file, file]).code).rejects.toThrow(UsageError);
    await expect(run(['s3://bucket/key.tfstate']).code).rejects.toThrow(UsageError);
  });
});
