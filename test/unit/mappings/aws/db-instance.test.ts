import { describe, expect, it } from 'vitest';
import { awsDbInstance } from '../../../../lib/mappings/aws/db-instance.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

const item = fixture('db-instance.config.json');
const res = stateResource(fixture('db-instance.state.json') as never);

describe('aws_db_instance', () => {
  it('identities: ARN, DbiResourceId (Config resourceId), identifier', () => {
    expect(awsDbInstance.identities(res)).toEqual([
      'arn:aws:rds:eu-west-1:123456789012:db:orders-db',
      'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
      'orders-db',
    ]);
  });

  it('clean: engine_version "15" satisfied by 15.6', () => {
    expect(diff(awsDbInstance, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('clean: an item recorded without deletionProtection says nothing about it', () => {
    const older = structuredClone(item) as { configuration: Record<string, unknown> };
    delete older.configuration.deletionProtection;
    expect(diff(awsDbInstance, res, liveFromConfigItem(older as never))).toEqual([]);
  });

  it('reports deletion protection switched off by hand', () => {
    const drifted = withPath(item, 'configuration.deletionProtection', false);
    expect(diff(awsDbInstance, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'deletion_protection', desired: true, actual: false },
    ]);
  });

  it('reports class, public access and a major version change', () => {
    let drifted = withPath(item, 'configuration.dBInstanceClass', 'db.r6g.large');
    drifted = withPath(drifted, 'configuration.publiclyAccessible', true);
    drifted = withPath(drifted, 'configuration.engineVersion', '16.2');
    expect(diff(awsDbInstance, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'engine_version', desired: '15', actual: '16.2' },
      { path: 'instance_class', desired: 'db.t4g.medium', actual: 'db.r6g.large' },
      { path: 'publicly_accessible', desired: false, actual: true },
    ]);
  });

  it('storage autoscaling: allocated_storage growth is not drift', () => {
    const scaling = withPath(res, 'attributes.max_allocated_storage', 200);
    const grown = withPath(item, 'configuration.allocatedStorage', 75);
    expect(diff(awsDbInstance, scaling, liveFromConfigItem(grown as never))).toEqual([]);
    expect(diff(awsDbInstance, res, liveFromConfigItem(grown as never))).toEqual([
      { path: 'allocated_storage', desired: 50, actual: 75 },
    ]);
  });
});
