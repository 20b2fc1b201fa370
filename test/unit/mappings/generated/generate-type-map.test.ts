import { describe, expect, it } from 'vitest';
import {
  generateTypeMap,
  parseTypeMapTsv,
  TypeMapParseError,
} from '../../../../scripts/generate-type-map.ts';

const HEADER = 'provider\tterraform_type\tnative_type\tinventory\tsource';
const ROWS = [
  'aws\taws_s3_bucket\tAWS::S3::Bucket\tconfig+cloudcontrol\taws-samples/aws2tf@3019e95b7f09',
  'aws\taws_iam_role_policy\tAWS::IAM::Policy\tnone\tiann0036/former2@742b79c32608 (iam.js inline policy)',
  'azure\tazurerm_storage_account\tMicrosoft.Storage/storageAccounts\tresourcegraph\tmagodo/aztft@2c6101a24b3e',
  'gcp\tgoogle_storage_bucket\tstorage.googleapis.com/Bucket\tcloudasset\tGoogleCloudPlatform/terraform-google-conversion@b9c00f88ea46',
  'kubernetes\tkubernetes_manifest\t*\tapi\thashicorp/terraform-provider-kubernetes@3a33fb6cc605',
  'aws\taws_acm_certificate\tAWS::ACM::Certificate\tconfig\tcurated: Config name, per awslabs/aws-config-resource-schema@adf55132ad87',
];
const tsv = (rows: readonly string[]) => `${[HEADER, ...rows].join('\n')}\n`;

describe('generateTypeMap', () => {
  it('gives identical bytes when run twice over the same TSV', () => {
    expect(generateTypeMap(tsv(ROWS))).toBe(generateTypeMap(tsv(ROWS)));
  });

  it('sorts rows by provider, terraform type, native type (ordinal) into one tuple per line', () => {
    const rows = generateTypeMap(tsv(ROWS))
      .split('\n')
      .filter((l) => l.startsWith('  ['));
    expect(rows).toEqual([
      "  ['aws','aws_acm_certificate','AWS::ACM::Certificate','config'],",
      "  ['aws','aws_iam_role_policy','AWS::IAM::Policy','none'],",
      "  ['aws','aws_s3_bucket','AWS::S3::Bucket','config+cloudcontrol'],",
      "  ['azure','azurerm_storage_account','Microsoft.Storage/storageAccounts','resourcegraph'],",
      "  ['gcp','google_storage_bucket','storage.googleapis.com/Bucket','cloudasset'],",
      "  ['kubernetes','kubernetes_manifest','*','api'],",
    ]);
  });

  it('writes a do-not-edit header with row counts and the cited sources with their licences', () => {
    const text = generateTypeMap(tsv(ROWS));
    expect(text.startsWith('// GENERATED FILE, DO NOT EDIT.')).toBe(true);
    expect(text).toContain('// Rows: 6 (aws 3, azure 1, gcp 1, kubernetes 1).');
    expect(text).toContain('//   iann0036/former2@742b79c32608 (MIT): cited by 1 rows');
    expect(text).toContain(
      '//   awslabs/aws-config-resource-schema@adf55132ad87 (Apache-2.0): cited by 1 rows',
    );
    expect(text).toContain('//   magodo/aztft@2c6101a24b3e (MPL-2.0): cited by 1 rows');
    expect(text).toContain('CC BY 4.0');
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d/); // no generation date: output must be reproducible
  });

  it('ignores a BOM, CRLF line ends and a missing final newline', () => {
    const crlf = `\uFEFF${[HEADER, ...ROWS].join('\r\n')}`;
    expect(parseTypeMapTsv(crlf)).toEqual(parseTypeMapTsv(tsv(ROWS)));
  });
});

describe('parseTypeMapTsv row validation', () => {
  const errorOf = (text: string) => {
    try {
      parseTypeMapTsv(text, 'type-map.tsv');
    } catch (e) {
      expect(e).toBeInstanceOf(TypeMapParseError);
      return (e as Error).message;
    }
    throw new Error('expected a TypeMapParseError');
  };

  it('names the line of a row with an unknown provider', () => {
    const bad = 'alibaba\talicloud_oss_bucket\tACS::OSS::Bucket\tnone\tx/y@0123456789ab';
    expect(errorOf(tsv([ROWS[0]!, ROWS[1]!, bad]))).toMatch(/^type-map\.tsv line 4: provider: /);
  });

  it('names the line and column of an inventory value the provider does not have', () => {
    const bad = 'aws\taws_vpc\tAWS::EC2::VPC\tresourcegraph\tx/y@0123456789ab';
    expect(errorOf(tsv([bad]))).toMatch(/^type-map\.tsv line 2: inventory: /);
  });

  it('rejects a terraform type of another provider', () => {
    const bad = 'gcp\taws_vpc\tcompute.googleapis.com/Network\tcloudasset\tx/y@0123456789ab';
    expect(errorOf(tsv([ROWS[0]!, bad]))).toBe(
      `type-map.tsv line 3: terraformType: expected google_* (${JSON.stringify(bad)})`,
    );
  });

  it('rejects a row with the wrong number of columns', () => {
    expect(errorOf(tsv([ROWS[0]!, 'aws\taws_vpc\tAWS::EC2::VPC\tconfig']))).toBe(
      'type-map.tsv line 3: expected 5 tab-separated columns, got 4',
    );
  });

  it('rejects an empty source and a duplicate pair', () => {
    expect(errorOf(tsv(['aws\taws_vpc\tAWS::EC2::VPC\tconfig\t ']))).toMatch(
      /^type-map\.tsv line 2: source: empty/,
    );
    expect(errorOf(tsv([ROWS[0]!, ROWS[2]!, ROWS[0]!]))).toBe(
      'type-map.tsv line 4: duplicate of line 2 (aws_s3_bucket → AWS::S3::Bucket)',
    );
  });

  it('rejects a missing or different header on line 1', () => {
    expect(errorOf(ROWS.join('\n'))).toMatch(/^type-map\.tsv line 1: expected header/);
  });
});
