import { z } from 'zod';
import { BackendOptionsSchema } from '../../../../state-parsers/hcl/index.ts';
import { StateLocationSchema } from '../../../core/config/config.ts';

/** What `--tf-dir` learned from a root module's backend (credentials never included). */
const Base = {
  /** The root module directory, as given. */
  dir: z.string(),
  /** s3, azurerm, gcs, local, remote, cloud, … */
  backendType: z.string(),
  /** Files the backend came from: the `.tf` file (absent for the implicit local backend), config files. */
  files: z.array(z.string()),
};

export const TfDirDiscoverySchema = z.union([
  z
    .object({
      ...Base,
      /** As in StateSourceConfigSchema: s3://, azblob://, gs:// or an absolute local path. */
      location: StateLocationSchema,
      /** `['*']`: every workspace of the backend; the state source lists them. */
      workspaces: z.array(z.string()),
      /** region, workspaceKeyPrefix (s3), workspaceDir (local, absolute), roleArn, endpoint, … */
      options: BackendOptionsSchema,
    })
    .strict(),
  z.object({ ...Base, unsupported: z.string() }).strict(),
]);
export type TfDirDiscovery = z.infer<typeof TfDirDiscoverySchema>;
