import type { StateDocument } from '../../../core/model/state-resource.ts';
import { mapLimited } from '../retry/index.ts';
import { RemoteStateError } from './remote-state-error.ts';

export const DEFAULT_WORKSPACE = 'default';

/** How one backend lists and reads its workspaces. */
export interface WorkspaceBackend {
  /** Non-default workspaces that have a state object, as Terraform's `workspace list` finds them. */
  list(): Promise<string[]>;
  /** Reads one workspace; throws RemoteStateError (failure `not-found` when the object is missing). */
  read(workspace: string): Promise<StateDocument>;
}

// Few enough to stay polite to the storage API, enough to hide per-object latency.
const PARALLEL_READS = 4;

/**
 * Reads the requested workspaces: explicit names must all exist; `*` means the default state
 * (when there is one) plus every listed workspace. The documents come back in workspace order.
 */
export async function readWorkspaces(
  requested: readonly string[],
  backend: WorkspaceBackend,
  location: string,
): Promise<StateDocument[]> {
  if (!requested.includes('*')) {
    const names = [...new Set(requested.length > 0 ? requested : [DEFAULT_WORKSPACE])];
    return mapLimited(names, PARALLEL_READS, (ws) => backend.read(ws));
  }
  const listed = (await backend.list()).filter((ws) => ws !== DEFAULT_WORKSPACE);
  const names = [DEFAULT_WORKSPACE, ...[...new Set(listed)].sort()];
  const docs = await mapLimited(names, PARALLEL_READS, (ws) =>
    backend.read(ws).catch((err: unknown) => {
      // The default state need not exist; a listed one may have been deleted since the listing.
      if (err instanceof RemoteStateError && err.failure === 'not-found') return null;
      throw err;
    }),
  );
  const found = docs.filter((d): d is StateDocument => d !== null);
  if (found.length === 0)
    throw new RemoteStateError('no state found (no default state and no workspaces)', location, 'not-found');
  return found;
}
