import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FileStateSource,
  readStateFileResources,
} from '../../../../../lib/adapters/state-sources/file/index.ts';
import { StateParseError } from '../../../../../lib/core/model/errors.ts';
import type { StateResource } from '../../../../../lib/core/model/state-resource.ts';

const hasher = (plain: string) => createHmac('sha256', 'test').update(plain).digest('hex').slice(0, 16);
const FIXTURES = join(import.meta.dirname, '../../../../fixtures/state');
const fixture = (name: string) => readFileSync(join(FIXTURES, name, 'terraform.tfstate'), 'utf8');

const state = (id: string) =>
  JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial: 1,
    lineage: id,
    resources: [
      { mode: 'managed', type: 'aws_vpc', name: 'main', provider: 'p', instances: [{ attributes: { id } }] },
    ],
  });

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dw-state-'));
  const put = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put('live/prod/terraform.tfstate', state('vpc-prod'));
  put('live/dev/terraform.tfstate', state('vpc-dev'));
  put('live/dev/terraform.tfstate.backup', state('vpc-backup'));
  put('live/dev/terraform.tfstate.d/blue/terraform.tfstate', state('vpc-blue'));
  put('live/dev/.terraform/terraform.tfstate', state('vpc-backend-cache'));
  put('live/prod/.terraform/terraform.tfstate', fixture('backend-config-refused'));
  put('live/prod/terraform.tfstate.1717171717.backup', state('vpc-timestamped-backup'));
  put('live/node_modules/x/terraform.tfstate', state('vpc-npm'));
  put('.git/objects/terraform.tfstate', state('vpc-git'));
  put('live/empty.tfstate', '');
  put('legacy/network.tfstate', fixture('v3-modules-flatmap'));
  put('bad/terraform.tfstate', fixture('v1-refused'));
  mkdirSync(join(root, 'nothing-here/sub'), { recursive: true });
  put('shared/stage.json', state('vpc-linked'));
  symlinkSync(join(root, 'shared/stage.json'), join(root, 'live/stage.tfstate'));
  symlinkSync(join(root, 'shared/gone.json'), join(root, 'live/dangling.tfstate'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function errorOf(run: () => Promise<unknown>): Promise<StateParseError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(StateParseError);
    return err as StateParseError;
  }
  throw new Error('expected a StateParseError');
}

describe('FileStateSource', () => {
  it('reads every *.tfstate below a folder, sorted, with workspaces, skipping backups and tool folders', async () => {
    const docs = await new FileStateSource(join(root, 'live'), hasher).read();
    expect(docs.map((d) => [d.source.slice(root.length + 1), d.resources[0]!.id])).toEqual([
      ['live/dev/terraform.tfstate', 'vpc-dev'],
      ['live/dev/terraform.tfstate.d/blue/terraform.tfstate', 'vpc-blue'],
      ['live/prod/terraform.tfstate', 'vpc-prod'],
      ['live/stage.tfstate', 'vpc-linked'],
    ]);
    expect(docs[0]!.resources[0]!.source).toBe(join(root, 'live/dev/terraform.tfstate'));
  });

  it('refuses .terraform/terraform.tfstate (backend settings) clearly when named, never as an empty state', async () => {
    const settings = join(root, 'live/prod/.terraform/terraform.tfstate');
    expect((await errorOf(() => new FileStateSource(settings, hasher).read())).message).toBe(
      `${settings}: not a Terraform state: this is the backend settings file of a working directory ` +
        '(.terraform/terraform.tfstate, backend "s3"); the state itself lives in that backend, ' +
        'fetch it with `terraform state pull > terraform.tfstate`',
    );
    const folder = join(root, 'live/prod/.terraform');
    expect((await errorOf(() => new FileStateSource(folder, hasher).read())).message).toMatch(
      /backend settings file of a working directory/,
    );
  });

  it('reads one file given directly, whatever its name, and v3 states too', async () => {
    const [doc] = await new FileStateSource(join(root, 'legacy/network.tfstate'), hasher).read();
    expect(doc!.version).toBe(3);
    expect(doc!.resources.map((r) => r.address)).toContain('module.db.aws_db_instance.main');
  });

  it('streams files above the threshold and gets the same document', async () => {
    const path = join(root, 'live/prod/terraform.tfstate');
    const [inMemory] = await new FileStateSource(path, hasher).read();
    const [streamed] = await new FileStateSource(path, hasher, { streamThresholdBytes: 10 }).read();
    expect(streamed).toEqual(inMemory);
  });

  it('fails with one clear line naming the path', async () => {
    const missing = join(root, 'nope.tfstate');
    expect((await errorOf(() => new FileStateSource(missing, hasher).read())).message).toBe(
      `${missing}: no such file or folder`,
    );
    const empty = join(root, 'nothing-here');
    expect((await errorOf(() => new FileStateSource(empty, hasher).read())).message).toBe(
      `${empty}: no *.tfstate files found in this folder`,
    );
    const bad = join(root, 'bad');
    expect((await errorOf(() => new FileStateSource(bad, hasher).read())).message).toMatch(
      new RegExp(
        `^${join(bad, 'terraform.tfstate').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: Terraform state format version 1`,
      ),
    );
    const emptyFile = join(root, 'live/empty.tfstate');
    expect((await errorOf(() => new FileStateSource(emptyFile, hasher).read())).message).toBe(
      `${emptyFile}: file is empty (no Terraform state in it)`,
    );
  });

  it('readStateFileResources streams resources to a callback and returns the header', async () => {
    const seen: StateResource[] = [];
    const header = await readStateFileResources(join(root, 'legacy/network.tfstate'), hasher, (r) => {
      seen.push(r);
    });
    expect(header).toEqual({
      version: 3,
      terraformVersion: '0.11.14',
      serial: 31,
      lineage: '7c1b2a3d-4e5f-6789-abcd-ef0123456789',
    });
    expect(seen).toHaveLength(7);
    const missing = join(root, 'gone.tfstate');
    expect((await errorOf(() => readStateFileResources(missing, hasher, () => {}))).message).toBe(
      `${missing}: no such file or folder`,
    );
  });
});
