import { RestError } from '@azure/storage-blob';
import { describe, expect, it } from 'vitest';
import { azureError } from '../../../../../lib/adapters/state-sources/azure-blob/azure-errors.ts';
import {
  createBlobServiceClient,
  parseAzureBlobUrl,
  workspaceBlob,
} from '../../../../../lib/adapters/state-sources/azure-blob/index.ts';
import { UsageError } from '../../../../../lib/core/model/errors.ts';

const URL = 'azblob://acmestate/tfstate/prod.terraform.tfstate';

describe('parseAzureBlobUrl and workspace blobs', () => {
  it('splits account, container and blob (the blob may hold slashes)', () => {
    expect(parseAzureBlobUrl('azblob://acmestate/tfstate/live/prod.terraform.tfstate')).toEqual({
      account: 'acmestate',
      container: 'tfstate',
      blob: 'live/prod.terraform.tfstate',
    });
  });
  it.each([
    'azblob://acmestate/tfstate',
    'azblob://Acme_State/c/k',
    'azblob://acmestate/Bad--Name/k',
    's3://a/b/c',
  ])('refuses %s', (url) => expect(() => parseAzureBlobUrl(url)).toThrow(UsageError));
  it('names workspace blobs <key>env:<ws> as the azurerm backend does', () => {
    expect(workspaceBlob('prod.terraform.tfstate', 'default')).toBe('prod.terraform.tfstate');
    expect(workspaceBlob('prod.terraform.tfstate', 'dev')).toBe('prod.terraform.tfstateenv:dev');
  });
});

// RestErrors as @azure/storage-blob raises them from the service's XML error body.
const rest = (statusCode: number, code: string, message: string) =>
  new RestError(message, { statusCode, code });

describe('azureError', () => {
  it.each([
    [404, 'BlobNotFound', 'The specified blob does not exist.', 'state not found (BlobNotFound)'],
    [
      404,
      'ContainerNotFound',
      'The specified container does not exist.',
      'container not found (ContainerNotFound)',
    ],
    [
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:4b1c',
      'credentials rejected (AuthenticationFailed)',
    ],
    [
      403,
      'AuthorizationPermissionMismatch',
      'This request is not authorized to perform this operation using this permission.',
      'access denied (AuthorizationPermissionMismatch)',
    ],
    [
      503,
      'ServerBusy',
      'The server is busy.\nRequestId:1',
      'cannot read the state (ServerBusy: The server is busy.)',
    ],
  ])('maps %i %s', (status, code, message, expected) => {
    const err = azureError(rest(status, code, message), URL);
    expect(err.message).toBe(`${URL}: ${expected}`);
  });
  it('maps @azure/identity failures and DNS errors', () => {
    const noCred = Object.assign(new Error('DefaultAzureCredential failed to retrieve a token'), {
      name: 'AggregateAuthenticationError',
    });
    expect(azureError(noCred, URL).message).toBe(
      `${URL}: credentials rejected (AggregateAuthenticationError)`,
    );
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND acmestate.blob.core.windows.net'), {
      code: 'ENOTFOUND',
    });
    expect(azureError(dns, URL).message).toBe(`${URL}: cannot reach the storage account (ENOTFOUND)`);
  });
});

describe('createBlobServiceClient', () => {
  const token = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }) };
  const cs =
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;';

  it('uses AZURE_STORAGE_CONNECTION_STRING when it names the same account', async () => {
    const c = await createBlobServiceClient('devstoreaccount1', {}, { AZURE_STORAGE_CONNECTION_STRING: cs });
    expect(c.url).toBe('http://127.0.0.1:10000/devstoreaccount1');
  });
  it('uses the account URL with a token credential otherwise', async () => {
    const c = await createBlobServiceClient(
      'acmestate',
      { credential: token },
      { AZURE_STORAGE_CONNECTION_STRING: cs },
    );
    expect(c.url).toBe('https://acmestate.blob.core.windows.net/');
    expect(c.credential).toBe(token);
  });
});
