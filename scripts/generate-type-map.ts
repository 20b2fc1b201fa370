/**
 * Generates lib/mappings/generated/type-map.ts and type-map-<provider>.ts from the shared type-map.tsv.
 * One module per provider so a provider's Lambda bundle keeps only its own rows.
 * Usage: `npm run gen:type-map [-- path/to/type-map.tsv]` (default ../shared/data/type-map.tsv).
 * The output is deterministic: the same TSV always gives the same bytes (no dates, ordinal sort).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const HEADER = ['provider', 'terraform_type', 'native_type', 'inventory', 'source'] as const;

// Per provider: the Terraform type prefix, the native type shape and the inventory values that
// SOURCE.md documents. Anything else is a broken row, not data to guess about.
const RowSchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('aws'),
    terraformType: z.string().regex(/^aws(cc)?_[a-z0-9_]+$/, 'expected aws_* or awscc_*'),
    nativeType: z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, 'expected AWS::Service::Type'),
    inventory: z.enum(['config', 'cloudcontrol', 'config+cloudcontrol', 'none']),
  }),
  z.object({
    provider: z.literal('azure'),
    terraformType: z.string().regex(/^azurerm_[a-z0-9_]+$/, 'expected azurerm_*'),
    nativeType: z.string().regex(/^[A-Za-z0-9.]+(\/[A-Za-z0-9.-]+)+$/, 'expected Namespace/type[/child]'),
    inventory: z.string().regex(/^(none|resourcegraph(:[a-z]+)?)$/, 'expected resourcegraph[:table] or none'),
  }),
  z.object({
    provider: z.literal('gcp'),
    terraformType: z.string().regex(/^google_[a-z0-9_]+$/, 'expected google_*'),
    nativeType: z
      .string()
      .regex(/^[a-z0-9.-]+\.googleapis\.com\/[A-Za-z0-9]+$/, 'expected svc.googleapis.com/Kind'),
    inventory: z.enum(['cloudasset', 'cloudasset:iam_policy', 'cloudasset:org_policy']),
  }),
  z.object({
    provider: z.literal('kubernetes'),
    terraformType: z.string().regex(/^kubernetes_[a-z0-9_]+$/, 'expected kubernetes_*'),
    nativeType: z
      .string()
      .regex(
        /^(\*|([a-z0-9.-]+\/)?v[0-9][a-z0-9]*\/[A-Z][A-Za-z0-9]*)$/,
        'expected [group/]version/Kind or *',
      ),
    inventory: z.enum(['api', 'none']),
  }),
]);

/** One validated TSV row (the `source` column is kept for the provenance header only). */
export type TsvRow = z.infer<typeof RowSchema> & { source: string };

/** A TSV that does not have the documented shape; the message names the file and line. */
export class TypeMapParseError extends Error {
  override readonly name = 'TypeMapParseError';
}

/** Parses and validates the TSV; throws TypeMapParseError naming the first bad line. */
export function parseTypeMapTsv(text: string, file = 'type-map.tsv'): TsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const fail = (line: number, msg: string): never => {
    throw new TypeMapParseError(`${file} line ${line}: ${msg}`);
  };
  if (lines[0] !== HEADER.join('\t')) fail(1, `expected header "${HEADER.join('<TAB>')}"`);
  const seen = new Map<string, number>();
  const rows: TsvRow[] = [];
  lines.slice(1).forEach((line, i) => {
    const n = i + 2;
    const cols = line.split('\t');
    if (cols.length !== HEADER.length)
      fail(n, `expected ${HEADER.length} tab-separated columns, got ${cols.length}`);
    const [provider, terraformType, nativeType, inventory, source] = cols as [
      string,
      string,
      string,
      string,
      string,
    ];
    const parsed = RowSchema.safeParse({ provider, terraformType, nativeType, inventory });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(n, `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'} (${JSON.stringify(line)})`);
      return;
    }
    if (source.trim() === '') fail(n, 'source: empty (every pair must cite where it comes from)');
    const key = `${provider}\t${terraformType}\t${nativeType}`;
    const first = seen.get(key);
    if (first !== undefined) fail(n, `duplicate of line ${first} (${terraformType} → ${nativeType})`);
    seen.set(key, n);
    rows.push({ ...parsed.data, source });
  });
  return rows;
}

// Licence facts as stated by each source repository (see ../shared/data/SOURCE.md).
const LICENCES: Record<string, string> = {
  'hashicorp/terraform-provider-awscc': 'MPL-2.0',
  'awslabs/aws-config-resource-schema': 'Apache-2.0',
  'iann0036/former2': 'MIT',
  'aws-samples/aws2tf': 'MIT-0',
  'magodo/aztft': 'MPL-2.0',
  'GoogleCloudPlatform/terraform-google-conversion': 'Apache-2.0',
  'hashicorp/terraform-provider-kubernetes': 'MPL-2.0',
};

const ord = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Providers in file (and row) order; each gets type-map-<provider>.ts, even with no rows. */
export const PROVIDERS = ['aws', 'azure', 'gcp', 'kubernetes'] as const;

/** The provenance header: input hash, row counts and the cited sources with their licences. */
function header(rows: readonly TsvRow[], tsv: string, scope?: TsvRow['provider']): string[] {
  const sha = createHash('sha256').update(tsv).digest('hex');
  const perProvider = new Map<string, number>();
  const perSource = new Map<string, number>();
  for (const r of rows) {
    perProvider.set(r.provider, (perProvider.get(r.provider) ?? 0) + 1);
    for (const s of new Set(r.source.match(/[\w.-]+\/[\w.-]+@[0-9a-f]{12}/g) ?? [])) {
      perSource.set(s, (perSource.get(s) ?? 0) + 1);
    }
  }
  const counts = [...perProvider].sort(([a], [b]) => ord(a, b)).map(([p, c]) => `${p} ${c}`);
  const sources = [...perSource.keys()].sort(ord).map((s) => {
    const repo = s.slice(0, s.indexOf('@'));
    return `//   ${s} (${LICENCES[repo] ?? 'licence: see SOURCE.md'}): cited by ${perSource.get(s)} rows`;
  });
  return [
    '// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run gen:type-map` (scripts/generate-type-map.ts).',
    `// Source: type-map.tsv (sha256 ${sha}), documented in SOURCE.md next to it.`,
    `// Rows: ${rows.length} (${counts.join(', ') || `${scope} 0`}). Columns kept: provider, terraform type, native type, inventory.`,
    '// Provenance: type-name pairs (facts) extracted from these repositories at these commits; no code copied.',
    ...sources,
    ...(scope === undefined || scope === 'azure'
      ? [
          '//   MicrosoftDocs/azure-docs Resource Graph table reference (CC BY 4.0, © Microsoft,',
          '//   https://github.com/MicrosoftDocs/azure-docs): only which types each table lists, for azure `inventory`.',
        ]
      : []),
    ...(scope === undefined || scope === 'aws'
      ? [
          '// Caveat: AWS::IAM::Policy is an inline policy in rows with inventory none (former2) and a managed',
          '// policy in rows with inventory config (AWS Config); always read the inventory column.',
        ]
      : []),
  ];
}

const exportName = (p: TsvRow['provider']) => `TYPE_MAP_${p.toUpperCase()}`;

/** One provider's module: a literal tuple array and a pure conversion, so a bundle that does not use it drops it. */
function renderProvider(provider: TsvRow['provider'], rows: readonly TsvRow[], tsv: string): string {
  const q = (s: string) => `'${s}'`;
  const body = rows.map(
    (r) => `  [${[r.provider, r.terraformType, r.nativeType, r.inventory].map(q).join(',')}],`,
  );
  return [
    ...header(rows, tsv, provider),
    '',
    "import { rowsFromTuples, type TypeMapRow, type TypeMapTuple } from './type-map-row.ts';",
    '',
    'const ROWS: readonly TypeMapTuple[] = [',
    ...body,
    '];',
    '',
    `/** The ${provider} rows of the shared type map, sorted (a slice of TYPE_MAP in type-map.ts). */`,
    `export const ${exportName(provider)}: readonly TypeMapRow[] = /* @__PURE__ */ rowsFromTuples(ROWS);`,
    '',
  ].join('\n');
}

/** The all-providers module: the provider slices concatenated in provider order (= the old TYPE_MAP). */
function renderIndex(rows: readonly TsvRow[], tsv: string): string {
  return [
    ...header(rows, tsv),
    '',
    "import { concatRows, type TypeMapRow } from './type-map-row.ts';",
    ...PROVIDERS.map((p) => `import { ${exportName(p)} } from './type-map-${p}.ts';`),
    '',
    ...PROVIDERS.map((p) => `export { ${exportName(p)} } from './type-map-${p}.ts';`),
    '',
    '/** Every (Terraform type, native type, inventory) pair of the shared type map, sorted. */',
    `export const TYPE_MAP: readonly TypeMapRow[] = /* @__PURE__ */ concatRows(${PROVIDERS.map(exportName).join(', ')});`,
    '',
  ].join('\n');
}

/**
 * Renders the generated modules for validated rows, by file name (type-map.ts and one
 * type-map-<provider>.ts per provider); sorted, so the input order does not matter.
 */
export function renderTypeMap(rows: readonly TsvRow[], tsv: string): Record<string, string> {
  const sorted = [...rows].sort(
    (a, b) =>
      ord(a.provider, b.provider) || ord(a.terraformType, b.terraformType) || ord(a.nativeType, b.nativeType),
  );
  const files: Record<string, string> = { 'type-map.ts': renderIndex(sorted, tsv) };
  for (const p of PROVIDERS)
    files[`type-map-${p}.ts`] = renderProvider(
      p,
      sorted.filter((r) => r.provider === p),
      tsv,
    );
  return files;
}

/** TSV text in, module texts by file name out (validation included). */
export function generateTypeMap(tsv: string, file?: string): Record<string, string> {
  return renderTypeMap(parseTypeMapTsv(tsv, file), tsv);
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the generated modules live. */
export const OUTPUT_DIR = path.join(here, '..', 'lib', 'mappings', 'generated');
/** The shared TSV relative to the repository (present in the workspace, absent in a user's clone). */
export const DEFAULT_TSV = path.join(here, '..', '..', 'shared', 'data', 'type-map.tsv');

function main(): void {
  const input = process.argv[2] ?? DEFAULT_TSV;
  try {
    const files = generateTypeMap(readFileSync(input, 'utf8'), input);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(OUTPUT_DIR, name), text);
    console.log(
      `wrote ${Object.keys(files).join(', ')} in ${path.relative(process.cwd(), OUTPUT_DIR)} from ${input}`,
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
