export { type RemoteStateOptions, WorkspaceListSchema } from './options.ts';
export {
  type ParseBodyOptions,
  parseStateBody,
  REMOTE_STREAM_THRESHOLD_BYTES,
  type StateBody,
} from './parse-state-body.ts';
export { conditionalGet, readRemoteState } from './read-remote-state.ts';
export { firstLine, RemoteStateError, type RemoteStateFailure } from './remote-state-error.ts';
export { DEFAULT_WORKSPACE, readWorkspaces, type WorkspaceBackend } from './workspaces.ts';
