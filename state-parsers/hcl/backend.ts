import { z } from 'zod';
import { type HclParser, parseHcl } from './hcl-text.ts';
import { literalAttributes } from './literal-attributes.ts';

export const BackendBlockSchema = z
  .object({
    /** s3, azurerm, gcs, local, remote, cloud (a `cloud {}` block) or any other backend name. */
    type: z.string().min(1),
    /** Literal attributes only; credentials and expressions are never kept. */
    config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    file: z.string(),
    line: z.number().int().positive().optional(),
  })
  .strict();
export type BackendBlock = z.infer<typeof BackendBlockSchema>;

/** Any top-level `terraform {` block; files without one cannot declare a backend. */
const TERRAFORM_BLOCK = /^\s*terraform\s*\{/m;

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Finds `backend "<type>"` / `cloud {` blocks of `terraform {}` blocks in one .tf file's text. */
export function parseBackendBlocks(text: string, file: string, hcl: HclParser): BackendBlock[] {
  // The parser is slow (~1 ms/KB warm, more cold): skip files that cannot hold a backend.
  if (!TERRAFORM_BLOCK.test(text)) return [];
  const root = parseHcl(hcl, text, file);
  const blocks: BackendBlock[] = [];
  for (const tf of asList(root.terraform)) {
    const t = asRecord(tf);
    for (const [type, bodies] of Object.entries(asRecord(t.backend))) {
      for (const body of asList(bodies)) blocks.push(block(type, body, file, text));
    }
    for (const body of asList(t.cloud)) blocks.push(block('cloud', body, file, text));
  }
  return blocks;
}

function block(type: string, body: unknown, file: string, text: string): BackendBlock {
  const line = lineOf(
    text,
    type === 'cloud' ? /^\s*cloud\s*\{/ : new RegExp(`^\\s*backend\\s+"${escapeRegExp(type)}"`),
  );
  return BackendBlockSchema.parse({ type, config: literalAttributes(asRecord(body)), file, line });
}

/** hcl2json keeps no positions: the first matching source line (comments start with # or //). */
function lineOf(text: string, pattern: RegExp): number | undefined {
  const i = text.split('\n').findIndex((l) => pattern.test(l));
  return i >= 0 ? i + 1 : undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
