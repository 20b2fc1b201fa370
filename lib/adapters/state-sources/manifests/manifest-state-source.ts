import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseManifestsDetailed, type SkippedDocument } from '../../../../state-parsers/kubernetes/index.ts';
import { ManifestParseError } from '../../../core/model/errors.ts';
import type { SensitiveHasher } from '../../../core/model/sensitive.ts';
import type { StateDocument, StateResource } from '../../../core/model/state-resource.ts';
import type { StateSource } from '../../../core/ports/state-source.ts';

// Folders that hold no desired cluster state: VCS data, dependencies, CI workflows.
const SKIP_DIRS = new Set(['.git', 'node_modules', '.github']);
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export interface SkippedFile extends SkippedDocument {
  path: string;
}

/**
 * Every manifest file under `dir`, as sorted paths relative to it (always with `/`). Files under a
 * Helm chart's `templates/` (a folder next to Chart.yaml) are listed apart: Helm renders them.
 */
async function listManifestFiles(dir: string): Promise<{ files: string[]; chartTemplates: string[] }> {
  const files: string[] = [];
  const chartTemplates: string[] = [];
  const walk = async (abs: string, inTemplates: boolean): Promise<void> => {
    const entries = await readdir(abs, { withFileTypes: true });
    const isChart = entries.some((e) => e.isFile() && e.name === 'Chart.yaml');
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name))
          await walk(join(abs, e.name), inTemplates || (isChart && e.name === 'templates'));
      } else if (e.isFile() && MANIFEST_FILE.test(e.name)) {
        (inTemplates ? chartTemplates : files).push(relative(dir, join(abs, e.name)).split(sep).join('/'));
      }
    }
  };
  await walk(dir, false);
  return { files: files.sort(), chartTemplates: chartTemplates.sort() };
}

/** Desired Kubernetes state from a directory of manifests (a Git checkout). */
export class ManifestStateSource implements StateSource {
  readonly name: string;
  /** Documents that were not Kubernetes objects, filled by read(). */
  skipped: SkippedFile[] = [];

  constructor(
    private readonly dir: string,
    private readonly hasher: SensitiveHasher,
  ) {
    this.name = dir;
  }

  async read(): Promise<StateDocument[]> {
    const info = await stat(this.dir).catch(() => null);
    if (!info?.isDirectory()) throw new ManifestParseError('manifest directory not found', this.dir);
    const resources: StateResource[] = [];
    this.skipped = [];
    const { files, chartTemplates } = await listManifestFiles(this.dir);
    for (const path of chartTemplates) {
      this.skipped.push({
        path,
        document: 0,
        reason: 'Helm chart template: rendered by Helm, not a plain manifest',
      });
    }
    for (const path of files) {
      const text = await readFile(join(this.dir, path), 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new ManifestParseError(`cannot read (${err.code ?? err.message})`, join(this.dir, path));
      });
      const parsed = parseManifestsDetailed(text, { path, hasher: this.hasher });
      resources.push(...parsed.resources);
      this.skipped.push(...parsed.skipped.map((s) => ({ ...s, path })));
    }
    return [{ source: this.dir, version: 0, terraformVersion: null, serial: null, lineage: null, resources }];
  }
}
