import type { Severity } from '../../core/model/index.ts';

/** What each drift category means, for SARIF rule descriptions; severity = its usual level. */
export const CATEGORY_INFO: Record<string, { description: string; severity: Severity }> = {
  Missing: {
    description: 'A resource declared in Terraform state or manifests no longer exists live.',
    severity: 'high',
  },
  Unmanaged: {
    description: 'A live resource is declared in no Terraform state or manifest.',
    severity: 'medium',
  },
  SecurityChange: {
    description:
      'Network access, IAM policy, public access or pod security settings differ from the declared state.',
    severity: 'high',
  },
  EncryptionChange: {
    description: 'Encryption or key management settings differ from the declared state.',
    severity: 'high',
  },
  SecretChange: {
    description: 'A secret value differs from the declared state (values are never shown).',
    severity: 'high',
  },
  VersionChange: {
    description: 'An image, runtime, engine or cluster version differs from the declared state.',
    severity: 'high',
  },
  Scaling: {
    description: 'A replica count, capacity or node count differs from the declared state.',
    severity: 'medium',
  },
  ResourceChange: {
    description: 'An instance size, SKU or CPU/memory allocation differs from the declared state.',
    severity: 'medium',
  },
  PortChange: { description: 'A port differs from the declared state.', severity: 'medium' },
  VolumeChange: {
    description: 'A volume, disk or mount differs from the declared state.',
    severity: 'medium',
  },
  ConfigMapChange: { description: 'ConfigMap data differs from the declared state.', severity: 'medium' },
  ConfigurationChange: {
    description: 'A configuration attribute differs from the declared state.',
    severity: 'medium',
  },
  TagChange: { description: 'Resource tags differ from the declared state.', severity: 'low' },
  LabelChange: { description: 'Labels differ from the declared state.', severity: 'low' },
  AnnotationChange: { description: 'Annotations differ from the declared state.', severity: 'low' },
};
