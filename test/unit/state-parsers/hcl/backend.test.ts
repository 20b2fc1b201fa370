import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DriftwatchError } from '../../../../lib/core/model/errors.ts';
import { HclParseError, parseBackendBlocks as parseWith } from '../../../../state-parsers/hcl/index.ts';
import { hcl } from './hcl-parser.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures/tf-dir');
const parseBackendBlocks = (text: string, file: string) => parseWith(text, file, hcl);
const read = (p: string) => readFileSync(join(fixtures, p), 'utf8');

describe('parseBackendBlocks', () => {
  it('reads an s3 backend: literals kept, one-level objects flattened, line found', () => {
    expect(parseBackendBlocks(read('s3/versions.tf'), 'versions.tf')).toEqual([
      {
        type: 's3',
        file: 'versions.tf',
        line: 11,
        config: {
          bucket: 'acme-terraform-state-123456789012',
          key: 'network/terraform.tfstate',
          region: 'eu-west-1',
          workspace_key_prefix: 'workspaces',
          encrypt: true,
          kms_key_id: 'alias/terraform-state',
          dynamodb_table: 'terraform-locks',
          use_lockfile: true,
          'assume_role.role_arn': 'arn:aws:iam::123456789012:role/terraform-state-reader',
          'assume_role.session_name': 'driftwatch',
        },
      },
    ]);
  });

  it('reads a cloud block (nested workspaces block left out)', () => {
    expect(parseBackendBlocks(read('cloud/terraform.tf'), 'terraform.tf')).toEqual([
      {
        type: 'cloud',
        file: 'terraform.tf',
        line: 2,
        config: { organization: 'acme-corp', hostname: 'app.terraform.io' },
      },
    ]);
  });

  it('returns nothing for files without a terraform block, or a terraform block without backend', () => {
    expect(parseBackendBlocks(read('s3/main.tf'), 'main.tf')).toEqual([]);
    expect(parseBackendBlocks(read('implicit-local/main.tf'), 'main.tf')).toEqual([]);
    expect(parseBackendBlocks('', 'empty.tf')).toEqual([]);
  });

  it('reports every backend block of a file, in each terraform block', () => {
    const text =
      'terraform {\n  backend "s3" {}\n}\n\nterraform {\n  backend "gcs" {\n    bucket = "b"\n  }\n}\n';
    expect(parseBackendBlocks(text, 'x.tf').map((b) => [b.type, b.line, b.config])).toEqual([
      ['s3', 2, {}],
      ['gcs', 6, { bucket: 'b' }],
    ]);
  });

  it('leaves out expressions, templates and lists (partial configuration shape)', () => {
    const text = [
      'terraform {',
      '  backend "s3" {',
      '    bucket  = var.bucket',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an HCL interpolation, on purpose
      '    key     = "${local.env}/terraform.tfstate"',
      '    profile = "%{if true}ops%{endif}"',
      '    region  = "eu-west-1"',
      '    max_retries = 5',
      '    allowed_account_ids = ["123456789012"]',
      '  }',
      '}',
    ].join('\n');
    expect(parseBackendBlocks(text, 'b.tf')[0]?.config).toEqual({ region: 'eu-west-1', max_retries: 5 });
  });

  it('drops credential attributes whatever the backend', () => {
    const text = [
      'terraform {',
      '  backend "azurerm" {',
      '    storage_account_name = "acmetfstate01"',
      '    container_name       = "tfstate"',
      '    key                  = "prod.tfstate"',
      '    access_key           = "c3RvcmFnZS1hY2NvdW50LWtleS1mYWtlLWZvci10ZXN0cw=="',
      '    sas_token            = "sv=2022-11-02&ss=b&sig=fakefakefakefakefakefake"',
      '    client_secret        = "fake-client-secret"',
      '    client_certificate_password = "fake"',
      '    assume_role = { role_arn = "arn:aws:iam::1:role/r", external_token = "fake" }',
      '    comment              = "AKIAIOSFODNN7EXAMPLE"',
      '  }',
      '}',
    ].join('\n');
    const [block] = parseBackendBlocks(text, 'b.tf');
    expect(block?.config).toEqual({
      storage_account_name: 'acmetfstate01',
      container_name: 'tfstate',
      key: 'prod.tfstate',
      'assume_role.role_arn': 'arn:aws:iam::1:role/r',
    });
    expect(JSON.stringify(block)).not.toMatch(/fake|AKIA|c3RvcmFn/);
  });

  it('throws one line naming the file and the block that breaks', () => {
    const text = read('syntax-error/main.tf');
    let caught: unknown;
    try {
      parseBackendBlocks(text, 'syntax-error/main.tf');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HclParseError);
    expect(caught).toBeInstanceOf(DriftwatchError);
    expect((caught as Error).message).toBe(
      'syntax-error/main.tf: not valid HCL near line 9 (run terraform validate for details)',
    );
  });

  it('reports a broken backend attribute in the terraform block', () => {
    const text = 'terraform {\n  backend "s3" {\n    bucket =\n  }\n}\n';
    expect(() => parseBackendBlocks(text, 'b.tf')).toThrow(
      'b.tf: not valid HCL near line 1 (run terraform validate for details)',
    );
  });
});
