/**
 * Sets an own enumerable property even for a key like `__proto__` (a legal Secret or ConfigMap
 * key), which plain assignment would turn into a prototype change and silently drop.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
