export { AzureBlobStateSource, type AzureBlobStateSourceOptions } from './azure-blob-state-source.ts';
export { type AzureClientOptions, createBlobServiceClient } from './azure-client.ts';
export { type AzureBlobLocation, parseAzureBlobUrl } from './azure-url.ts';
export { workspaceBlob } from './azure-workspaces.ts';
