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
    expect(generateTypeMap(tsv(ROWS))).toStrictEqual(generateTypeMap(tsv(ROWS)));
  });

  const rowsOf = (text = '') => text.split('\n').filter((l) => l.startsWith('  ['));

  it('writes one module per provider plus type-map.ts, which joins them in provider order', () => {
    const files = generateTypeMap(tsv(ROWS));
    expect(Object.keys(files)).toEqual([
      'type-map.ts',
      'type-map-aws.ts',
      'type-map-azure.ts',
      'type-map-gcp.ts',
      'type-map-kubernetes.ts',
    ]);
    expect(files['type-map.ts']).toContain(
      'export const TYPE_MAP: readonly TypeMapRow[] = /* @__PURE__ */ concatRows(TYPE_MAP_AWS, TYPE_MAP_AZURE, TYPE_MAP_GCP, TYPE_MAP_KUBERNETES);',
    );
    expect(rowsOf(files['type-map.ts'])).toEqual([]);
    expect(files['type-map-gcp.ts']).toContain(
      'export const TYPE_MAP_GCP: readonly TypeMapRow[] = /* @__PURE__ */ rowsFromTuples(ROWS);',
    );
  });

  it('sorts rows by provider, terraform type, native type (ordinal) into one tuple per line', () => {
    const files = generateTypeMap(tsv(ROWS));
    expect(rowsOf(files['type-map-aws.ts'])).toEqual([
      "  ['aws','aws_acm_certificate','AWS::ACM::Certificate','config'],",
      "  ['aws','aws_iam_role_policy','AWS::IAM::Policy','none'],",
      "  ['aws','aws_s3_bucket','AWS::S3::Bucket','config+cloudcontrol'],",
    ]);
    expect(rowsOf(files['type-map-azure.ts'])).toEqual([
      "  ['azure','azurerm_storage_account','Microsoft.Storage/storageAccounts','resourcegraph'],",
    ]);
    expect(rowsOf(files['type-map-gcp.ts'])).toEqual([
      "  ['gcp','google_storage_bucket','storage.googleapis.com/Bucket','cloudasset'],",
    ]);
    expect(rowsOf(files['type-map-kubernetes.ts'])).toEqual([
      "  ['kubernetes','kubernetes_manifest','*','api'],",
    ]);
  });

  it('still writes a provider module with no rows (type-map.ts imports all four)', () => {
    const gcp = generateTypeMap(tsv([ROWS[0]!]))['type-map-gcp.ts'] ?? '';
    expect(gcp).toContain('// Rows: 0 (gcp 0).');
    expect(gcp).toContain('const ROWS: readonly TypeMapTuple[] = [\n];');
  });

  it('writes a do-not-edit header with row counts and the cited sources with their licences', () => {
    const files = generateTypeMap(tsv(ROWS));
    const text = files['type-map.ts'] ?? '';
    expect(files['type-map-aws.ts']).toContain('// Rows: 3 (aws 3).');
    expect(files['type-map-aws.ts']).toContain('//   iann0036/former2@742b79c32608 (MIT): cited by 1 rows');
    expect(files['type-map-aws.ts']).not.toContain('magodo/aztft');
    expect(files['type-map-azure.ts']).toContain('CC BY 4.0');
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
