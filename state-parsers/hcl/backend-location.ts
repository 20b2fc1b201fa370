import { z } from 'zod';
import type { BackendBlock } from './backend.ts';
import { BackendConfigError } from './errors.ts';
import type { Scalar } from './literal-attributes.ts';

export const BackendOptionsSchema = z
  .object({
    region: z.string().optional(),
    /** s3: non-default workspaces live at `<prefix>/<workspace>/<key>` (default `env:`). */
    workspaceKeyPrefix: z.string().optional(),
    /** local: non-default workspaces live at `<dir>/<workspace>/terraform.tfstate`. */
    workspaceDir: z.string().optional(),
    /** s3: role to assume (`assume_role.role_arn` or the older `role_arn`). */
    roleArn: z.string().optional(),
    /** s3 `endpoints.s3` / `endpoint`, gcs `storage_custom_endpoint`: S3-compatible stores, emulators. */
    endpoint: z.string().optional(),
    resourceGroupName: z.string().optional(),
  })
  .strict();
export type BackendOptions = z.infer<typeof BackendOptionsSchema>;

export type BackendLocation =
  | { supported: true; type: string; location: string; options: BackendOptions }
  | { supported: false; type: string; reason: string };

type Config = Record<string, Scalar>;

/** Maps a backend (+ partial config from a -backend-config file) to a state location and layout. */
export function backendLocation(block: BackendBlock, partial: Config = {}): BackendLocation {
  // Terraform merges -backend-config values over the block's attributes.
  const c: Config = { ...block.config, ...partial };
  const need = (attr: string): string => {
    const v = c[attr];
    if (v === undefined || v === '') {
      throw new BackendConfigError(
        `backend "${block.type}" has no ${attr}; set it in the block or in a .tfbackend file next to it`,
        block.file,
      );
    }
    return String(v);
  };
  const opt = (...attrs: string[]) => {
    const hit = attrs.map((a) => c[a]).find((v) => v !== undefined && v !== '');
    return hit === undefined ? undefined : String(hit);
  };
  const options = (o: BackendOptions): BackendOptions =>
    BackendOptionsSchema.parse(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  switch (block.type) {
    case 's3':
      return {
        supported: true,
        type: 's3',
        location: `s3://${need('bucket')}/${trimSlashes(need('key'))}`,
        options: options({
          region: opt('region'),
          workspaceKeyPrefix: opt('workspace_key_prefix') ?? 'env:',
          roleArn: opt('assume_role.role_arn', 'role_arn'),
          endpoint: opt('endpoints.s3', 'endpoint'),
        }),
      };
    case 'azurerm':
      return {
        supported: true,
        type: 'azurerm',
        location: `azblob://${need('storage_account_name')}/${need('container_name')}/${trimSlashes(need('key'))}`,
        options: options({ resourceGroupName: opt('resource_group_name') }),
      };
    case 'gcs':
      return {
        supported: true,
        type: 'gcs',
        location: `gs://${need('bucket')}/${trimSlashes(opt('prefix') ?? '')}`.replace(/\/$/, ''),
        options: options({ endpoint: opt('storage_custom_endpoint') }),
      };
    case 'local':
      return {
        supported: true,
        type: 'local',
        location: opt('path') ?? 'terraform.tfstate',
        options: options({ workspaceDir: opt('workspace_dir') ?? 'terraform.tfstate.d' }),
      };
    case 'remote':
    case 'cloud':
      return {
        supported: false,
        type: block.type,
        reason: `${block.type === 'cloud' ? 'HCP Terraform (cloud block)' : 'remote backend'} state needs an API token; run \`terraform state pull > state.tfstate\` and scan that file`,
      };
    default:
      return {
        supported: false,
        type: block.type,
        reason: `backend "${block.type}" is not read by driftwatch (s3, azurerm, gcs, local); run \`terraform state pull > state.tfstate\` and scan that file`,
      };
  }
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');
