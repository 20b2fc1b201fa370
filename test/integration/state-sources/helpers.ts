import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DriftwatchError } from '../../../lib/core/model/errors.ts';
import type { StateDocument } from '../../../lib/core/model/state-resource.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The key the state goldens were sealed with (test/unit/state-parsers/terraform/helpers.ts). */
export const hasher = (plain: string) =>
  `hmac:${createHmac('sha256', 'driftwatch-golden').update(plain).digest('hex').slice(0, 16)}`;

const FIXTURES = join(import.meta.dirname, '../../fixtures/state');

/** A fixture state's text, as Terraform wrote it. */
export const fixtureText = (name: string) => readFileSync(join(FIXTURES, name, 'terraform.tfstate'), 'utf8');

/** Asserts `doc` is exactly the fixture's golden StateDocument, read from `source`. */
export function expectGoldenDoc(doc: StateDocument | undefined, fixture: string, source: string): void {
  const golden = JSON.parse(readFileSync(join(FIXTURES, fixture, 'results.golden.json'), 'utf8'));
  golden.source = source;
  for (const r of golden.resources) r.source = source;
  expect(JSON.parse(JSON.stringify(doc))).toEqual(golden);
}

/** Plain values v4-sensitive-paths marks sensitive (or that look like secrets): never stored or returned. */
export const SECRETS = [
  'whsec_9f8e7d6c5b4a39281706',
  'c2f1e0d9b8a7968574635241302f1e0d',
  '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  'kR9#vLq2@xZ7mWp4&nT8sYb1',
  'pg-Orders-2024',
];

/** Asserts none of SECRETS occurs in `text`. */
export function expectNoSecrets(text: string): void {
  for (const s of SECRETS) expect(text.includes(s), `secret ${s.slice(0, 6)}… leaked`).toBe(false);
}

/** A fresh temp dir and its remover. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file in a cache dir with its permission bits and text. */
export function cacheFiles(dir: string): Array<{ name: string; mode: number; text: string }> {
  return readdirSync(dir).map((name) => ({
    name,
    mode: statSync(join(dir, name)).mode & 0o777,
    text: readFileSync(join(dir, name), 'utf8'),
  }));
}

/** A v4 state with one resource, for overwrite tests. */
export function tinyState(serial: number, id: string): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial,
    lineage: '3f1c2a9e-7b1d-4c55-9a0e-5d2b8f6e4a10',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_vpc',
        name: 'main',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          { schema_version: 1, attributes: { id, cidr_block: '10.0.0.0/16' }, sensitive_attributes: [] },
        ],
      },
    ],
  });
}

/** The DriftwatchError `run` rejects with (fails the test when it resolves or throws anything else). */
export async function errorOf(run: () => Promise<unknown>): Promise<DriftwatchError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(DriftwatchError);
    expect(String((err as Error).message)).not.toContain('\n');
    return err as DriftwatchError;
  }
  throw new Error('expected a DriftwatchError, the read succeeded');
}
