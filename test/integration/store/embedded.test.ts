import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../../../lib/adapters/store/dynamodb/client.ts';
import { openLocalStore, startEmbeddedDynamo } from '../../../lib/adapters/store/dynamodb/embedded.ts';
import { driftRecord, openWrite } from './factory.ts';

const dir = mkdtempSync(join(tmpdir(), 'driftwatch-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded store', () => {
  it('persists records under <dir>/dynamodb across close and reopen', async () => {
    const r = driftRecord({ identity: 'aws_route53_record.www' });
    const first = await openLocalStore({ dir, env: {} });
    await first.store.apply([openWrite(r)]);
    await first.close();
    const again = await openLocalStore({ dir, env: {} });
    try {
      expect((await again.store.get(r.id))?.resourceId).toBe(r.resourceId);
      expect(await again.store.ping()).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('uses AWS_ENDPOINT_URL_DYNAMODB when set instead of starting its own server', async () => {
    const server = await startEmbeddedDynamo({ dir: null });
    try {
      const env = { AWS_ENDPOINT_URL_DYNAMODB: server.endpoint, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };
      const local = await openLocalStore({ dir: join(dir, 'unused'), tableName: 'external', env });
      const r = driftRecord({ identity: 'aws_eip.nat' });
      await local.store.apply([openWrite(r)]);
      await local.close();
      const again = await openLocalStore({ dir: join(dir, 'unused'), tableName: 'external', env });
      expect((await again.store.get(r.id))?.id).toBe(r.id);
      await again.close();
    } finally {
      await server.close();
    }
  });

  it('reads the endpoint from AWS_ENDPOINT_URL and gives local endpoints a region and dummy credentials', async () => {
    const client = createDynamoDbClient({ AWS_ENDPOINT_URL: 'http://127.0.0.1:8000' });
    expect(await client.config.region()).toBe('us-east-1');
    expect((await client.config.credentials()).accessKeyId).toBe('local');
    const ep = await client.config.endpoint?.();
    expect(`${ep?.protocol}//${ep?.hostname}:${ep?.port}`).toBe('http://127.0.0.1:8000');
    client.destroy();
  });
});
