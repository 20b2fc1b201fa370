import { getPath, isPlainObject } from '../../diff/path.ts';

// Permission names are case-insensitive (`Get` in the provider, `get` from ARM) and unordered.
function perms(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return [...new Set(v.map((p) => String(p).toLowerCase()))].sort();
}

function canonical(
  tenant: unknown,
  object: unknown,
  app: unknown,
  p: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    tenant_id: String(tenant ?? '').toLowerCase(),
    object_id: String(object ?? '').toLowerCase(),
  };
  if (typeof app === 'string' && app) out.application_id = app.toLowerCase();
  for (const [k, v] of Object.entries(p)) {
    const list = perms(v);
    if (list) out[k] = list;
  }
  return out;
}

/** Key Vault `access_policy` blocks (provider) in a canonical, comparable shape. */
export function tfAccessPolicies(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isPlainObject).map((a) =>
    canonical(a.tenant_id, a.object_id, a.application_id, {
      key_permissions: a.key_permissions,
      secret_permissions: a.secret_permissions,
      certificate_permissions: a.certificate_permissions,
      storage_permissions: a.storage_permissions,
    }),
  );
}

/** ARM `properties.accessPolicies[]` in the same canonical shape. */
export function armAccessPolicies(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isPlainObject).map((a) =>
    canonical(a.tenantId, a.objectId, a.applicationId, {
      key_permissions: getPath(a, 'permissions.keys'),
      secret_permissions: getPath(a, 'permissions.secrets'),
      certificate_permissions: getPath(a, 'permissions.certificates'),
      storage_permissions: getPath(a, 'permissions.storage'),
    }),
  );
}
