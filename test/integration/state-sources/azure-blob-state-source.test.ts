import {
  BlobServiceClient,
  type ContainerClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStateCache } from '../../../lib/adapters/shared/state-cache/index.ts';
import { AzureBlobStateSource } from '../../../lib/adapters/state-sources/azure-blob/index.ts';
import { AZURITE_ACCOUNT, AZURITE_KEY, type RunningAzurite, startAzurite } from '../../helpers/emulators.ts';
import {
  cacheFiles,
  errorOf,
  expectGoldenDoc,
  expectNoSecrets,
  fixtureText,
  hasher,
  tempDir,
  tinyState,
} from './helpers.ts';

const KEY = 'prod.terraform.tfstate';
const BASE = `azblob://${AZURITE_ACCOUNT}/tfstate`;
const URL = `${BASE}/${KEY}`;

let azurite: RunningAzurite;
let container: ContainerClient;
let savedConnectionString: string | undefined;
const put = (name: string, body: string) =>
  container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body));

beforeAll(async () => {
  azurite = await startAzurite();
  savedConnectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
  // The sources build their client from this, as `terraform` and `az` do against Azurite.
  process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
  container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('tfstate');
  await container.create();
  await put(KEY, fixtureText('v4-multicloud'));
  await put(`${KEY}env:dev`, fixtureText('v4-sensitive-paths'));
  await put(`${KEY}env:staging`, fixtureText('v4-aws-modules'));
  await put(`${KEY}env:qa/notes.txt`, 'not a workspace state'); // a "folder" below the prefix
  await put('other.tfstateenv:dev', tinyState(1, 'vpc-other'));
  await put('blue-only.tfstateenv:blue', tinyState(5, 'vpc-blue'));
}, 30_000);

afterAll(async () => {
  if (savedConnectionString === undefined) delete process.env.AZURE_STORAGE_CONNECTION_STRING;
  else process.env.AZURE_STORAGE_CONNECTION_STRING = savedConnectionString;
  await azurite?.close();
});

describe('AzureBlobStateSource on Azurite', () => {
  it('reads the default state from the key and named workspaces from <key>env:<ws>', async () => {
    const docs = await new AzureBlobStateSource(URL, { hasher, workspaces: ['default', 'dev'] }).read();
    expect(docs.map((d) => d.source)).toEqual([URL, `${URL}env:dev`]);
    expectGoldenDoc(docs[0], 'v4-multicloud', URL);
    expectGoldenDoc(docs[1], 'v4-sensitive-paths', `${URL}env:dev`);
    expectNoSecrets(JSON.stringify(docs));
  });

  it("'*' lists <key>env:* across pages, skipping names with a slash and other keys", async () => {
    const docs = await new AzureBlobStateSource(URL, { hasher, workspaces: ['*'], listPageSize: 1 }).read();
    expect(docs.map((d) => d.source)).toEqual([URL, `${URL}env:dev`, `${URL}env:staging`]);
    expectGoldenDoc(docs[2], 'v4-aws-modules', `${URL}env:staging`);
    const only = await new AzureBlobStateSource(`${BASE}/blue-only.tfstate`, {
      hasher,
      workspaces: ['*'],
    }).read();
    expect(only.map((d) => [d.source, d.serial])).toEqual([[`${BASE}/blue-only.tfstateenv:blue`, 5]]);
  });

  it('streams a body above the threshold to the same result', async () => {
    const [doc] = await new AzureBlobStateSource(URL, {
      hasher,
      workspaces: ['dev'],
      streamThresholdBytes: 512,
    }).read();
    expectGoldenDoc(doc, 'v4-sensitive-paths', `${URL}env:dev`);
  });

  it('answers an unchanged blob from the cache (ifNoneMatch → 304) and re-reads an overwritten one', async () => {
    const tmp = tempDir('dw-az-cache-');
    try {
      const opts = { hasher, workspaces: ['*'], cache: new FileStateCache(tmp.dir) };
      const first = new AzureBlobStateSource(URL, opts);
      const docs1 = await first.read();
      expect(first.counters).toEqual({ downloads: 3, cacheHits: 0, parses: 3 });
      const second = new AzureBlobStateSource(URL, opts);
      expect(await second.read()).toEqual(docs1);
      expect(second.counters).toEqual({ downloads: 0, cacheHits: 3, parses: 0 });
      for (const f of cacheFiles(tmp.dir)) {
        expect(f.mode).toBe(0o600);
        expectNoSecrets(f.text);
      }
      await put(`${KEY}env:staging`, tinyState(77, 'vpc-staging-2'));
      const third = new AzureBlobStateSource(URL, opts);
      const docs3 = await third.read();
      expect(third.counters).toEqual({ downloads: 1, cacheHits: 2, parses: 1 });
      expect(docs3[2]?.serial).toBe(77);
      await put(`${KEY}env:staging`, fixtureText('v4-aws-modules'));
    } finally {
      tmp.remove();
    }
  });
});

describe('AzureBlobStateSource errors', () => {
  it('names the URL and the Azure error code in one line', async () => {
    const blob = await errorOf(() => new AzureBlobStateSource(`${BASE}/missing.tfstate`, { hasher }).read());
    expect(blob.message).toBe(`${BASE}/missing.tfstate: state not found (BlobNotFound)`);

    const ws = await errorOf(() => new AzureBlobStateSource(URL, { hasher, workspaces: ['qa'] }).read());
    expect(ws.message).toBe(`${URL}env:qa: state not found (BlobNotFound)`);

    const cont = await errorOf(() =>
      new AzureBlobStateSource(`azblob://${AZURITE_ACCOUNT}/nocontainer/${KEY}`, {
        hasher,
        workspaces: ['*'],
      }).read(),
    );
    expect(cont.message).toBe(
      `azblob://${AZURITE_ACCOUNT}/nocontainer/${KEY}: container not found (ContainerNotFound)`,
    );
  });

  it('reports a wrong account key and a SAS without read permission', async () => {
    const wrongKey = azurite.connectionString.replace(AZURITE_KEY, Buffer.alloc(64, 7).toString('base64'));
    const creds = await errorOf(() =>
      new AzureBlobStateSource(URL, {
        hasher,
        serviceClient: BlobServiceClient.fromConnectionString(wrongKey),
      }).read(),
    );
    // Azurite answers a bad SharedKey signature with 403 AuthorizationFailure; Azure itself says
    // 403 AuthenticationFailed, mapped to "credentials rejected" (unit test, real error body).
    expect(creds.message).toBe(`${URL}: access denied (AuthorizationFailure)`);

    // A list-only SAS: listing works, reading the blob is refused by the service.
    const sas = generateBlobSASQueryParameters(
      {
        containerName: 'tfstate',
        permissions: ContainerSASPermissions.parse('l'),
        expiresOn: new Date(Date.now() + 3_600_000),
      },
      new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
    ).toString();
    const listOnly = new BlobServiceClient(`${azurite.blobEndpoint}?${sas}`);
    const denied = await errorOf(() =>
      new AzureBlobStateSource(URL, { hasher, serviceClient: listOnly }).read(),
    );
    expect(denied.message).toBe(`${URL}: access denied (AuthorizationPermissionMismatch)`);
  });
});
