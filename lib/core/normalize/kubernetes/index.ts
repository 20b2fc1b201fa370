export { alignNamedLists, fillOmittedZeros } from './align.ts';
export { setOwn } from './own.ts';
export { canonicalQuantity, k8sQuantities, parseQuantity } from './quantity.ts';
export { decodeSecretData, k8sSecretStringData, secretAsText } from './secret-data.ts';
export { k8sServerFields, SERVER_ANNOTATIONS } from './server-fields.ts';
export { isSystemKey, k8sWithoutSystemKeys, liveMapFor } from './system-keys.ts';
