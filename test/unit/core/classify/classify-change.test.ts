import { describe, expect, it } from 'vitest';
import { classifyChange } from '../../../../lib/core/classify/index.ts';
import type { Provider } from '../../../../lib/core/model/provider.ts';

type Row = [Provider, string, string, string, string];

function cls(provider: Provider, type: string, path: string, desired: unknown = 'a', actual: unknown = 'b') {
  return classifyChange({ provider, type, kind: 'changed', path, desired, actual });
}

// [provider, type, path, category, severity] — at least one row per table row and provider.
const ROWS: Row[] = [
  // Scaling
  ['kubernetes', 'kubernetes_deployment_v1', 'spec.0.replicas', 'Scaling', 'medium'],
  ['kubernetes', 'apps/v1/Deployment', 'spec.replicas', 'Scaling', 'medium'],
  ['aws', 'aws_ecs_service', 'desired_count', 'Scaling', 'medium'],
  ['aws', 'aws_autoscaling_group', 'max_size', 'Scaling', 'medium'],
  ['aws', 'aws_eks_node_group', 'scaling_config.0.desired_size', 'Scaling', 'medium'],
  ['aws', 'aws_dynamodb_table', 'read_capacity', 'Scaling', 'medium'],
  ['azure', 'azurerm_kubernetes_cluster', 'default_node_pool.0.node_count', 'Scaling', 'medium'],
  ['azure', 'azurerm_linux_virtual_machine_scale_set', 'instance_count', 'Scaling', 'medium'],
  ['azure', 'azurerm_service_plan', 'worker_count', 'Scaling', 'medium'],
  ['gcp', 'google_container_node_pool', 'autoscaling.0.max_node_count', 'Scaling', 'medium'],
  ['kubernetes', 'autoscaling/v2/HorizontalPodAutoscaler', 'spec.maxReplicas', 'Scaling', 'medium'],
  // VersionChange
  [
    'kubernetes',
    'kubernetes_deployment',
    'spec.0.template.0.spec.0.container.0.image',
    'VersionChange',
    'high',
  ],
  ['kubernetes', 'apps/v1/Deployment', 'spec.template.spec.containers.0.image', 'VersionChange', 'high'],
  ['aws', 'aws_lambda_function', 'runtime', 'VersionChange', 'high'],
  ['aws', 'aws_db_instance', 'engine_version', 'VersionChange', 'high'],
  ['aws', 'aws_instance', 'ami', 'VersionChange', 'high'],
  ['aws', 'aws_eks_cluster', 'version', 'VersionChange', 'high'],
  ['azure', 'azurerm_kubernetes_cluster', 'kubernetes_version', 'VersionChange', 'high'],
  [
    'azure',
    'azurerm_kubernetes_cluster',
    'default_node_pool.0.orchestrator_version',
    'VersionChange',
    'high',
  ],
  ['azure', 'azurerm_linux_virtual_machine', 'source_image_reference.0.sku', 'VersionChange', 'high'],
  ['gcp', 'google_container_cluster', 'node_version', 'VersionChange', 'high'],
  ['gcp', 'google_compute_instance', 'boot_disk.0.initialize_params.0.image', 'VersionChange', 'high'],
  ['gcp', 'google_sql_database_instance', 'database_version', 'VersionChange', 'high'],
  // ResourceChange
  [
    'kubernetes',
    'kubernetes_deployment_v1',
    'spec.0.template.0.spec.0.container.0.resources.0.limits.cpu',
    'ResourceChange',
    'medium',
  ],
  [
    'kubernetes',
    'apps/v1/StatefulSet',
    'spec.template.spec.containers.0.resources.requests.memory',
    'ResourceChange',
    'medium',
  ],
  ['aws', 'aws_instance', 'instance_type', 'ResourceChange', 'medium'],
  ['aws', 'aws_db_instance', 'instance_class', 'ResourceChange', 'medium'],
  ['aws', 'aws_db_instance', 'allocated_storage', 'ResourceChange', 'medium'],
  ['aws', 'aws_db_instance', 'storage_type', 'ResourceChange', 'medium'],
  ['aws', 'aws_lambda_function', 'ephemeral_storage.0.size', 'ResourceChange', 'medium'],
  ['aws', 'aws_lambda_function', 'memory_size', 'ResourceChange', 'medium'],
  ['azure', 'azurerm_linux_virtual_machine', 'size', 'ResourceChange', 'medium'],
  ['azure', 'azurerm_kubernetes_cluster', 'default_node_pool.0.vm_size', 'ResourceChange', 'medium'],
  ['azure', 'azurerm_key_vault', 'sku_name', 'ResourceChange', 'medium'],
  ['gcp', 'google_compute_instance', 'machine_type', 'ResourceChange', 'medium'],
  ['gcp', 'google_sql_database_instance', 'settings.0.tier', 'ResourceChange', 'medium'],
  // ConfigurationChange (default)
  ['aws', 'aws_sqs_queue', 'visibility_timeout_seconds', 'ConfigurationChange', 'medium'],
  ['aws', 'aws_s3_bucket_versioning', 'versioning_configuration.0.status', 'ConfigurationChange', 'medium'],
  ['aws', 'aws_cloudwatch_log_group', 'retention_in_days', 'ConfigurationChange', 'medium'],
  ['azure', 'azurerm_virtual_network', 'address_space', 'ConfigurationChange', 'medium'],
  ['gcp', 'google_compute_network', 'auto_create_subnetworks', 'ConfigurationChange', 'medium'],
  ['gcp', 'google_compute_instance', 'metadata.startup-script', 'ConfigurationChange', 'medium'],
  ['aws', 'aws_sqs_queue', 'redrive_policy', 'ConfigurationChange', 'medium'],
  ['aws', 'aws_lambda_function', 'handler', 'ConfigurationChange', 'medium'],
  [
    'kubernetes',
    'apps/v1/Deployment',
    'spec.template.spec.containers.0.imagePullPolicy',
    'ConfigurationChange',
    'medium',
  ],
  [
    'kubernetes',
    'kubernetes_deployment',
    'spec.0.template.0.spec.0.container.0.env.0.value',
    'ConfigurationChange',
    'medium',
  ],
  // TagChange
  ['aws', 'aws_s3_bucket', 'tags.env', 'TagChange', 'low'],
  ['aws', 'aws_security_group', 'tags_all.Owner', 'TagChange', 'low'],
  ['azure', 'azurerm_resource_group', 'tags.cost-center', 'TagChange', 'low'],
  ['gcp', 'google_compute_instance', 'tags', 'TagChange', 'low'],
  // LabelChange
  ['gcp', 'google_storage_bucket', 'labels.team', 'LabelChange', 'low'],
  ['gcp', 'google_pubsub_topic', 'effective_labels.goog-terraform-provisioned', 'LabelChange', 'low'],
  ['kubernetes', 'kubernetes_namespace_v1', 'metadata.0.labels.team', 'LabelChange', 'low'],
  ['kubernetes', 'apps/v1/Deployment', 'spec.template.metadata.labels.tier', 'LabelChange', 'low'],
  // AnnotationChange
  ['kubernetes', 'kubernetes_deployment', 'metadata.0.annotations.owner', 'AnnotationChange', 'low'],
  [
    'kubernetes',
    'v1/Service',
    'metadata.annotations.service.beta.kubernetes.io/aws-load-balancer-type',
    'AnnotationChange',
    'low',
  ],
  // PortChange
  ['kubernetes', 'kubernetes_service_v1', 'spec.0.port.0.target_port', 'PortChange', 'medium'],
  ['kubernetes', 'v1/Service', 'spec.ports.0.port', 'PortChange', 'medium'],
  [
    'kubernetes',
    'kubernetes_deployment',
    'spec.0.template.0.spec.0.container.0.port.0.container_port',
    'PortChange',
    'medium',
  ],
  ['aws', 'aws_db_instance', 'port', 'PortChange', 'medium'],
  ['aws', 'aws_lb_target_group', 'health_check.0.port', 'PortChange', 'medium'],
  // VolumeChange
  [
    'kubernetes',
    'kubernetes_deployment',
    'spec.0.template.0.spec.0.volume.0.config_map.0.name',
    'VolumeChange',
    'medium',
  ],
  [
    'kubernetes',
    'apps/v1/Deployment',
    'spec.template.spec.containers.0.volumeMounts.0.mountPath',
    'VolumeChange',
    'medium',
  ],
  ['aws', 'aws_instance', 'root_block_device.0.volume_size', 'VolumeChange', 'medium'],
  ['aws', 'aws_ebs_volume', 'size', 'VolumeChange', 'medium'],
  ['azure', 'azurerm_linux_virtual_machine', 'os_disk.0.storage_account_type', 'VolumeChange', 'medium'],
  ['gcp', 'google_compute_instance', 'attached_disk.0.source', 'VolumeChange', 'medium'],
  // SecretChange
  ['kubernetes', 'kubernetes_secret_v1', 'data.password', 'SecretChange', 'high'],
  ['kubernetes', 'v1/Secret', 'stringData.token', 'SecretChange', 'high'],
  // ConfigMapChange
  ['kubernetes', 'kubernetes_config_map', 'data.app.properties', 'ConfigMapChange', 'medium'],
  ['kubernetes', 'v1/ConfigMap', 'binaryData.logo', 'ConfigMapChange', 'medium'],
  // SecurityChange (high: nothing opened)
  ['aws', 'aws_security_group', 'ingress.0.from_port', 'SecurityChange', 'high'],
  ['aws', 'aws_security_group_rule', 'to_port', 'SecurityChange', 'high'],
  ['aws', 'aws_vpc_security_group_ingress_rule', 'cidr_ipv4', 'SecurityChange', 'high'],
  ['aws', 'aws_network_acl', 'ingress.1.rule_no', 'SecurityChange', 'high'],
  ['aws', 'aws_iam_role', 'assume_role_policy', 'SecurityChange', 'high'],
  ['aws', 'aws_iam_role', 'inline_policy.0.policy', 'SecurityChange', 'high'],
  ['aws', 'aws_iam_policy', 'policy', 'SecurityChange', 'high'],
  ['aws', 'aws_s3_bucket_policy', 'policy', 'SecurityChange', 'high'],
  ['aws', 'aws_s3_bucket', 'acl', 'SecurityChange', 'high'],
  ['aws', 'aws_instance', 'vpc_security_group_ids', 'SecurityChange', 'high'],
  ['aws', 'aws_lambda_function', 'role', 'SecurityChange', 'high'],
  ['aws', 'aws_eks_cluster', 'vpc_config.0.endpoint_public_access', 'SecurityChange', 'high'],
  [
    'azure',
    'azurerm_network_security_group',
    'security_rule.0.destination_port_range',
    'SecurityChange',
    'high',
  ],
  ['azure', 'azurerm_network_security_rule', 'access', 'SecurityChange', 'high'],
  ['azure', 'azurerm_storage_account', 'public_network_access_enabled', 'SecurityChange', 'high'],
  ['azure', 'azurerm_storage_account', 'min_tls_version', 'SecurityChange', 'high'],
  ['azure', 'azurerm_key_vault', 'access_policy.0.secret_permissions', 'SecurityChange', 'high'],
  ['azure', 'azurerm_key_vault', 'network_acls.0.bypass', 'SecurityChange', 'high'],
  ['azure', 'azurerm_role_assignment', 'role_definition_name', 'SecurityChange', 'high'],
  ['gcp', 'google_compute_firewall', 'allow.0.ports', 'SecurityChange', 'high'],
  ['gcp', 'google_storage_bucket', 'uniform_bucket_level_access', 'SecurityChange', 'high'],
  [
    'gcp',
    'google_storage_bucket',
    'iam_configuration.0.uniform_bucket_level_access.0.enabled',
    'SecurityChange',
    'high',
  ],
  ['gcp', 'google_project_iam_member', 'role', 'SecurityChange', 'high'],
  ['gcp', 'google_compute_instance', 'service_account.0.scopes', 'SecurityChange', 'high'],
  [
    'kubernetes',
    'kubernetes_deployment',
    'spec.0.template.0.spec.0.container.0.security_context.0.run_as_user',
    'SecurityChange',
    'high',
  ],
  ['kubernetes', 'v1/Service', 'spec.type', 'SecurityChange', 'high'],
  ['kubernetes', 'kubernetes_service', 'spec.0.type', 'SecurityChange', 'high'],
  ['kubernetes', 'rbac.authorization.k8s.io/v1/ClusterRole', 'rules.0.verbs', 'SecurityChange', 'high'],
  [
    'kubernetes',
    'networking.k8s.io/v1/NetworkPolicy',
    'spec.ingress.0.from.0.podSelector',
    'SecurityChange',
    'high',
  ],
  ['azure', 'azurerm_subnet', 'network_security_group_id', 'SecurityChange', 'high'],
  ['aws', 'aws_db_instance', 'iam_database_authentication_enabled', 'SecurityChange', 'high'],
  [
    'gcp',
    'google_compute_instance',
    'shielded_instance_config.0.enable_secure_boot',
    'SecurityChange',
    'high',
  ],
  ['gcp', 'google_compute_instance', 'metadata.ssh-keys', 'SecurityChange', 'high'],
  ['aws', 'aws_instance', 'metadata_options.0.http_tokens', 'SecurityChange', 'high'],
  // EncryptionChange
  ['aws', 'aws_sns_topic', 'kms_master_key_id', 'EncryptionChange', 'high'],
  ['aws', 'aws_sqs_queue', 'kms_data_key_reuse_period_seconds', 'EncryptionChange', 'high'],
  [
    'aws',
    'aws_s3_bucket',
    'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm',
    'EncryptionChange',
    'high',
  ],
  [
    'aws',
    'aws_s3_bucket_server_side_encryption_configuration',
    'rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id',
    'EncryptionChange',
    'high',
  ],
  ['aws', 'aws_kms_key', 'enable_key_rotation', 'EncryptionChange', 'high'],
  ['aws', 'aws_db_instance', 'storage_encrypted', 'EncryptionChange', 'high'],
  ['aws', 'aws_dynamodb_table', 'server_side_encryption.0.enabled', 'EncryptionChange', 'high'],
  ['aws', 'aws_sqs_queue', 'sqs_managed_sse_enabled', 'EncryptionChange', 'high'],
  ['aws', 'aws_instance', 'root_block_device.0.encrypted', 'EncryptionChange', 'high'],
  ['azure', 'azurerm_storage_account', 'infrastructure_encryption_enabled', 'EncryptionChange', 'high'],
  ['gcp', 'google_storage_bucket', 'encryption.0.default_kms_key_name', 'EncryptionChange', 'high'],
  ['gcp', 'google_pubsub_topic', 'kms_key_name', 'EncryptionChange', 'high'],
];

describe('classifyChange: the table', () => {
  it.each(ROWS)('%s %s %s -> %s/%s', (provider, type, path, category, severity) => {
    expect(cls(provider, type, path)).toEqual({ category, severity });
  });
});

describe('classifyChange: sensitive values', () => {
  it('a sealed env value is a SecretChange/high', () => {
    const c = classifyChange({
      provider: 'aws',
      type: 'aws_lambda_function',
      kind: 'changed',
      path: 'environment.0.variables.DB_PASSWORD',
      desired: '(sensitive)',
      actual: '(sensitive)',
      sensitive: true,
    });
    expect(c).toEqual({ category: 'SecretChange', severity: 'high' });
  });
  it('a sealed tag is still a secret (sensitivity outranks a low row)', () => {
    const c = classifyChange({
      provider: 'aws',
      type: 'aws_s3_bucket',
      kind: 'changed',
      path: 'tags.token',
      desired: '(sensitive)',
      actual: '(sensitive)',
      sensitive: true,
    });
    expect(c).toEqual({ category: 'SecretChange', severity: 'high' });
  });
  it('a more severe row wins over the secret default (critical opened access)', () => {
    const c = classifyChange({
      provider: 'aws',
      type: 'aws_db_instance',
      kind: 'changed',
      path: 'publicly_accessible',
      desired: false,
      actual: true,
      sensitive: true,
    });
    expect(c).toEqual({ category: 'SecurityChange', severity: 'critical' });
  });
});
