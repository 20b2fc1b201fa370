// Attributes the providers' schemas mark Sensitive, for common types whose secret does not sit under
// a secret-like name. States written before Terraform recorded schema sensitivity in
// `sensitive_attributes` (0.12–0.14 have no such field at all; later versions often list only values
// marked sensitive by the configuration) would otherwise carry these values in the clear:
// `random_password.result`, `aws_ssm_parameter.value`, `kubernetes_secret.data` …
// Names under a secret-like name (password, secret, private_key, access_key, token …) need no entry.
// Applied to managed resources and data sources of the type alike.

const VALUE = ['value'];
const CUSTOM_DATA = ['custom_data'];
const K8S_SECRET = ['data', 'binary_data'];
const VAULT_SECRET = ['data', 'data_json'];
const GITHUB_SECRET = ['plaintext_value'];
const AKS = ['kube_config', 'kube_config_raw', 'kube_admin_config', 'kube_admin_config_raw'];
const SAS = ['sas'];

const TABLE: ReadonlyMap<string, readonly string[]> = new Map([
  ['random_password', ['result', 'bcrypt_hash']],
  ['kubernetes_secret', K8S_SECRET],
  ['kubernetes_secret_v1', K8S_SECRET],
  ['aws_ssm_parameter', VALUE],
  ['aws_kms_ciphertext', ['plaintext']],
  ['aws_kms_secrets', ['plaintext']],
  ['aws_api_gateway_api_key', VALUE],
  ['aws_appsync_api_key', ['key']],
  ['azurerm_key_vault_secret', VALUE],
  ['azurerm_key_vault_certificate', ['certificate']],
  ['azuread_application_password', VALUE],
  ['azuread_service_principal_password', VALUE],
  ['azurerm_kubernetes_cluster', AKS],
  ['azurerm_linux_virtual_machine', CUSTOM_DATA],
  ['azurerm_windows_virtual_machine', CUSTOM_DATA],
  ['azurerm_linux_virtual_machine_scale_set', CUSTOM_DATA],
  ['azurerm_windows_virtual_machine_scale_set', CUSTOM_DATA],
  ['azurerm_application_insights', ['instrumentation_key', 'connection_string']],
  ['azurerm_storage_account_sas', SAS],
  ['azurerm_storage_account_blob_container_sas', SAS],
  ['google_kms_secret_ciphertext', ['plaintext']],
  ['google_kms_secret', ['plaintext']],
  ['vault_generic_secret', VAULT_SECRET],
  ['vault_kv_secret', VAULT_SECRET],
  ['vault_kv_secret_v2', VAULT_SECRET],
  ['helm_release', ['set_sensitive']],
  ['github_actions_secret', GITHUB_SECRET],
  ['github_actions_environment_secret', GITHUB_SECRET],
  ['github_dependabot_secret', GITHUB_SECRET],
  ['local_sensitive_file', ['content', 'content_base64']],
  ['local_file', ['sensitive_content']],
  ['acme_certificate', ['certificate_p12', 'account_key_pem']],
]);

const NONE: readonly string[] = [];

/** Top-level attributes of `type` its provider schema marks sensitive (beyond secret-like names). */
export function schemaSensitiveAttributes(type: string): readonly string[] {
  return TABLE.get(type) ?? NONE;
}
