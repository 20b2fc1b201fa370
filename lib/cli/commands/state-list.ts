import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FileStateSource } from '../../adapters/state-sources/file/index.ts';
import { UsageError } from '../../core/model/errors.ts';
import type { SensitiveHasher } from '../../core/model/sensitive.ts';
import type { StateDocument, StateResource } from '../../core/model/state-resource.ts';

const USAGE = 'usage: driftwatch state list <source> [--format json|text]';

const ArgsSchema = z.object({
  source: z.string().min(1),
  format: z.enum(['json', 'text']),
});

/** The I/O a CLI command gets from the entry point. */
export interface StateListIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  hasher: SensitiveHasher;
}

/** One row of `state list --format json`. */
export interface StateListRow {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  module: string | null;
  index: number | string | null;
  provider: string;
  id: string | null;
  deposed?: string;
}

function tokens(args: string[]) {
  try {
    return parseArgs({ args, options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
}

function parse(args: string[]): z.infer<typeof ArgsSchema> {
  const parsed = tokens(args);
  // Accept both `state list <source>` and `<source>` (the entry point may or may not strip `list`).
  const positionals = parsed.positionals[0] === 'list' ? parsed.positionals.slice(1) : parsed.positionals;
  if (positionals.length !== 1) throw new UsageError(`expected exactly one state source; ${USAGE}`);
  const result = ArgsSchema.safeParse({ source: positionals[0], format: parsed.values.format ?? 'text' });
  if (!result.success) {
    throw new UsageError(
      `--format must be json or text, got ${JSON.stringify(parsed.values.format)}; ${USAGE}`,
    );
  }
  return result.data;
}

function row(r: StateResource): StateListRow {
  const out: StateListRow = {
    address: r.address,
    mode: r.mode,
    type: r.type,
    name: r.name,
    module: r.module,
    index: r.index,
    provider: r.provider,
    id: r.id,
  };
  if (r.deposed !== undefined) out.deposed = r.deposed;
  return out;
}

async function readSource(source: string, hasher: SensitiveHasher): Promise<StateDocument[]> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new UsageError(`state source ${source}: only local .tfstate files and folders are supported here`);
  }
  return new FileStateSource(source, hasher).read();
}

/** `driftwatch state list <source> [--format json|text]`: every instance, like `terraform state list`. */
export async function stateListCommand(args: string[], io: StateListIo): Promise<number> {
  const { source, format } = parse(args);
  const docs = await readSource(source, io.hasher);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        docs.flatMap((d) => d.resources.map(row)),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  // Text lists each instance of a state once, as terraform does, even when it has deposed objects.
  const lines: string[] = [];
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const r of doc.resources) {
      if (!seen.has(r.address)) lines.push(r.address);
      seen.add(r.address);
    }
  }
  io.stdout(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return 0;
}
