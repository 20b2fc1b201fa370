import { opensAccess } from './opens-access.ts';
import { kinds, leaf, seg } from './path-patterns.ts';
import type { ClassifyRule } from './types.ts';

// The classification table. Order matters: the FIRST row whose `when` holds wins, so rows go from
// specific (a type + path) to generic (a path anywhere), and the last row is the catch-all.
// Paths match whole segments in Terraform (`spec.0.replicas`) and manifest (`spec.replicas`) forms;
// `seg('a b')` = a segment named a or b anywhere in the path, `leaf` = the last segment.

const SECRET_KINDS = kinds(['kubernetes_secret'], ['Secret']);
const CONFIG_MAP_KINDS = kinds(['kubernetes_config_map'], ['ConfigMap']);
const FIREWALL_KINDS =
  /^(aws_(default_)?security_group(_rule)?|aws_vpc_security_group_(ingress|egress)_rule|aws_(default_)?network_acl(_rule)?|azurerm_network_security_(group|rule)|google_compute_firewall(_policy_rule)?|aws_wafv2_ip_set)$/;
const IAM_KINDS =
  /^(aws_iam_\w+|google_\w+_iam_(member|binding|policy)|azurerm_role_(assignment|definition)|azurerm_key_vault_access_policy|kubernetes_(cluster_)?role(_binding)?(_v1)?)$|(^|\/)(Role|ClusterRole|RoleBinding|ClusterRoleBinding|NetworkPolicy|PodSecurityPolicy)$/;
const SERVICE_KINDS = kinds(['kubernetes_service'], ['Service']);
const VM_KINDS = /^azurerm_(linux_|windows_)?virtual_machine(_scale_set)?$/;
const DISK_KINDS = /^aws_ebs_volume$|^google_compute_disk$|^azurerm_managed_disk$/;

/** The ordered classification table (first match wins; see file comment). */
export const CLASSIFY_RULES: readonly ClassifyRule[] = [
  // Kubernetes Secret payloads: the values are secrets even when they arrive unsealed.
  {
    category: 'SecretChange',
    severity: 'high',
    when: { types: SECRET_KINDS, paths: [seg('data string_data binary_data stringData binaryData')] },
  },
  {
    category: 'ConfigMapChange',
    severity: 'medium',
    when: { types: CONFIG_MAP_KINDS, paths: [seg('data binary_data binaryData')] },
  },
  // Metadata: wherever it appears, a tag/label/annotation edit is a low-severity bookkeeping change.
  { category: 'TagChange', severity: 'low', when: { paths: [seg('tags tags_all tag')] } },
  {
    category: 'LabelChange',
    severity: 'low',
    when: { paths: [seg('labels effective_labels terraform_labels user_labels resource_labels')] },
  },
  { category: 'AnnotationChange', severity: 'low', when: { paths: [seg('annotations')] } },
  // Network access rules: every attribute of a firewall-like resource is security, ports included.
  { category: 'SecurityChange', severity: 'high', when: { types: FIREWALL_KINDS }, escalate: opensAccess },
  // Identity and access: IAM resources and RBAC objects, whatever the attribute.
  { category: 'SecurityChange', severity: 'high', when: { types: IAM_KINDS }, escalate: opensAccess },
  // Exposure of a Kubernetes Service (ClusterIP → LoadBalancer/NodePort, source ranges).
  {
    category: 'SecurityChange',
    severity: 'high',
    when: {
      types: SERVICE_KINDS,
      paths: [/^spec(\.0)?\.type$/, seg('load_balancer_source_ranges loadBalancerSourceRanges')],
    },
    escalate: opensAccess,
  },
  // Security-relevant attributes of any resource: policies, public access, exposure, pod privileges.
  {
    category: 'SecurityChange',
    severity: 'high',
    when: {
      paths: [
        seg('policy assume_role_policy inline_policy managed_policy_arns permissions_boundary'),
        seg('block_public_acls block_public_policy ignore_public_acls restrict_public_buckets'),
        seg('acl grant access_control_policy predefined_acl object_ownership'),
        seg('publicly_accessible allow_blob_public_access allow_nested_items_to_be_public'),
        seg('public_network_access public_network_access_enabled public_access_prevention'),
        seg('iam_configuration uniform_bucket_level_access bucket_policy_only'),
        seg('ingress egress security_rule source_ranges cidr_blocks ipv6_cidr_blocks cidr_ipv4 cidr_ipv6'),
        seg('network_acls network_rules access_policy ip_rules virtual_network_subnet_ids'),
        seg('vpc_security_group_ids security_groups security_group_ids iam_instance_profile'),
        seg('network_security_group_id iam_database_authentication_enabled'),
        seg('security_context securityContext privileged host_network hostNetwork host_pid hostPID'),
        seg('allow_privilege_escalation allowPrivilegeEscalation capabilities'),
        seg('service_account_name serviceAccountName'),
        seg('automount_service_account_token automountServiceAccountToken'),
        seg('endpoint_public_access public_access_cidrs api_server_authorized_ip_ranges authorized_networks'),
        seg('master_authorized_networks_config api_server_access_profile access_config'),
        seg(
          'min_tls_version minimum_tls_version https_traffic_only_enabled enable_https_traffic_only https_only',
        ),
        seg('shared_access_key_enabled enable_rbac_authorization rbac_authorization_enabled http_tokens'),
        seg('admin_ssh_key disable_password_authentication local_auth_enabled ssl_enforcement_enabled'),
        seg('map_public_ip_on_launch associate_public_ip_address can_ip_forward shielded_instance_config'),
        seg('scopes role execution_role_arn task_role_arn'),
        /(^|\.)metadata\.(ssh-keys|sshKeys|block-project-ssh-keys|enable-oslogin)$/,
      ],
    },
    escalate: opensAccess,
  },
  // Encryption at rest and key management (before volumes: `root_block_device.0.encrypted` is encryption).
  {
    category: 'EncryptionChange',
    severity: 'high',
    when: {
      paths: [
        seg('kms_key_id kms_key_arn kms_master_key_id kms_key_name default_kms_key_name kms_key_self_link'),
        seg('server_side_encryption server_side_encryption_configuration sse_algorithm sse_specification'),
        seg('sqs_managed_sse_enabled storage_encrypted encrypted encryption encryption_configuration'),
        seg('enable_key_rotation rotation_period customer_managed_key infrastructure_encryption_enabled'),
        seg('kms_data_key_reuse_period_seconds customer_master_key_spec key_spec bucket_key_enabled'),
        seg('encryption_at_host_enabled disk_encryption_set_id disk_encryption_key'),
      ],
    },
  },
  // Software versions: images, runtimes, engine and cluster versions.
  {
    category: 'VersionChange',
    severity: 'high',
    when: {
      paths: [
        seg('image image_uri runtime engine_version kubernetes_version orchestrator_version ami'),
        seg('node_version min_master_version release_version database_version kafka_version'),
        seg('source_image_reference source_image_id platform_version task_definition layers'),
        seg('php_version python_version java_version dotnet_version application_stack'),
        leaf('version'),
      ],
    },
  },
  // Counts and capacities (before resources: `sku.0.capacity` is scaling, `sku.0.name` is size).
  {
    category: 'Scaling',
    severity: 'medium',
    when: {
      paths: [
        seg('replicas desired_count desired_capacity desired_size min_size max_size'),
        seg('capacity min_capacity max_capacity read_capacity write_capacity target_capacity'),
        seg('node_count min_count max_count min_node_count max_node_count initial_node_count'),
        seg('min_replicas max_replicas minReplicas maxReplicas instance_count worker_count'),
        seg('num_cache_nodes number_of_nodes num_node_groups replicas_per_node_group shard_count'),
        seg('reserved_concurrent_executions provisioned_concurrent_executions scaling_config autoscaling'),
      ],
    },
  },
  // Compute sizes: instance types, SKUs, CPU/memory requests and limits.
  {
    category: 'ResourceChange',
    severity: 'medium',
    when: {
      paths: [
        seg('resources limits requests cpu memory memory_size available_memory_mb ephemeral_storage'),
        seg('instance_type instance_types machine_type vm_size node_type instance_class'),
        seg('sku sku_name account_tier tier allocated_storage max_allocated_storage'),
        seg('iops throughput storage_throughput storage_type'),
      ],
    },
  },
  { category: 'ResourceChange', severity: 'medium', when: { types: VM_KINDS, paths: [leaf('size')] } },
  // Ports outside firewalls (those are security, above).
  {
    category: 'PortChange',
    severity: 'medium',
    when: {
      paths: [
        seg('port ports container_port containerPort target_port targetPort node_port nodePort'),
        seg('host_port hostPort from_port to_port port_range port_mappings portMappings'),
      ],
    },
  },
  // Storage attached to compute: volumes, mounts, disks, block devices.
  {
    category: 'VolumeChange',
    severity: 'medium',
    when: {
      paths: [
        seg('volume volumes volume_mount volumeMounts volume_claim_template volumeClaimTemplates'),
        seg('persistent_volume_claim persistentVolumeClaim disks disk attached_disk boot_disk'),
        seg('os_disk data_disk storage_os_disk storage_data_disk root_block_device ebs_block_device'),
        seg('ephemeral_block_device block_device_mappings volume_size volume_type disk_size_gb'),
        seg('mount_points efs_volume_configuration ebs_options'),
      ],
    },
  },
  { category: 'VolumeChange', severity: 'medium', when: { types: DISK_KINDS, paths: [leaf('size type')] } },
  // Everything else.
  { category: 'ConfigurationChange', severity: 'medium', when: {} },
];
