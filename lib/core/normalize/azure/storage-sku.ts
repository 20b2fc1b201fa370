/** Parts of a storage SKU name: `Standard_RAGRS` → tier `Standard`, replication `RAGRS`. */
export function splitStorageSku(name: unknown): { tier: string; replication: string } | null {
  if (typeof name !== 'string') return null;
  const i = name.indexOf('_');
  if (i <= 0 || i === name.length - 1) return null;
  return { tier: name.slice(0, i), replication: name.slice(i + 1) };
}

/** The SKU name ARM reports for the provider's `account_tier` + `account_replication_type`. */
export function joinStorageSku(tier: unknown, replication: unknown): string | null {
  if (typeof tier !== 'string' || typeof replication !== 'string' || !tier || !replication) return null;
  return `${tier}_${replication}`;
}
