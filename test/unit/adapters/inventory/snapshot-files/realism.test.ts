import { describe, expect, it } from 'vitest';
import { parseInventoryText } from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { loadFixture } from './fixtures.ts';

describe('select-resource-config with nested fields (SELECT configuration.instanceType)', () => {
  const snap = loadFixture('aws/select-nested-fields/select-resource-config.json');

  it('does not carry a configuration only partly selected (other fields are unknown, not unset)', () => {
    expect(snap.resources.map((r) => [r.id, r.attributes])).toEqual([
      ['arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f60718', null],
      ['arn:aws:ec2:eu-west-1:123456789012:instance/i-0f9e8d7c6b5a40312', null],
    ]);
    expect(snap.resources[0]!.tags).toBeNull();
    expect(snap.resources[0]!.scope).toBe('aws:123456789012:eu-west-1');
  });
});

describe('Cloud Asset Knative-shaped data (run.googleapis.com/Service)', () => {
  it('takes labels from data.metadata.labels', () => {
    const asset = {
      name: '//run.googleapis.com/projects/shop-prod/locations/europe-west1/services/web',
      assetType: 'run.googleapis.com/Service',
      ancestors: ['projects/481516234200'],
      resource: {
        version: 'v1',
        discoveryName: 'Service',
        parent: '//cloudresourcemanager.googleapis.com/projects/481516234200',
        data: {
          apiVersion: 'serving.knative.dev/v1',
          kind: 'Service',
          metadata: {
            name: 'web',
            namespace: '481516234200',
            labels: { 'cloud.googleapis.com/location': 'europe-west1', team: 'shop' },
          },
          spec: {
            template: { spec: { containers: [{ image: 'europe-docker.pkg.dev/shop-prod/web:1.4.2' }] } },
          },
        },
      },
      updateTime: '2024-06-12T06:00:01.123456Z',
    };
    const snap = parseInventoryText(JSON.stringify([asset]), 'run.json');
    expect(snap.resources[0]!.tags).toEqual({
      'cloud.googleapis.com/location': 'europe-west1',
      team: 'shop',
    });
    expect(snap.resources[0]!.name).toBe('web');
    expect(snap.resources[0]!.scope).toBe('gcp:shop-prod');
    expect(snap.resources[0]!.capturedAt).toBe('2024-06-12T06:00:01.123Z');
  });
});

describe('batch-get-aggregate-resource-config (PascalCase wrapper)', () => {
  const snap = loadFixture(
    'aws/batch-get-aggregate-resource-config/batch-get-aggregate-resource-config.json',
  );

  it('reads BaseConfigurationItems and marks the scope incomplete for UnprocessedResourceIdentifiers', () => {
    expect(snap.resources.map((r) => [r.nativeType, r.id, r.scope, r.tags, r.capturedAt])).toEqual([
      [
        'AWS::SQS::Queue',
        'arn:aws:sqs:eu-west-1:210987654321:shop-jobs',
        'aws:210987654321:eu-west-1',
        null,
        '2024-06-12T06:10:00.412Z',
      ],
    ]);
    expect(snap.resources[0]!.attributes?.VisibilityTimeout).toBe('60');
    expect(snap.coverage).toEqual([
      {
        provider: 'aws',
        scope: 'aws:210987654321:eu-west-1',
        nativeTypes: ['AWS::SQS::Queue'],
        complete: false,
        reason: '1 UnprocessedResourceIdentifiers were not fetched',
        source: expect.stringContaining('batch-get-aggregate-resource-config.json'),
      },
    ]);
  });

  it('reads get-aggregate-resource-config ({"ConfigurationItem": {...}})', () => {
    const item = {
      ConfigurationItem: {
        version: '1.3',
        accountId: '210987654321',
        configurationItemCaptureTime: '2024-06-12T06:10:00.412000+00:00',
        configurationItemStatus: 'OK',
        arn: 'arn:aws:sns:eu-west-1:210987654321:shop-alerts',
        resourceType: 'AWS::SNS::Topic',
        resourceId: 'arn:aws:sns:eu-west-1:210987654321:shop-alerts',
        resourceName: 'shop-alerts',
        awsRegion: 'eu-west-1',
        tags: { team: 'shop' },
        relationships: [],
        configuration: '{"TopicArn":"arn:aws:sns:eu-west-1:210987654321:shop-alerts"}',
        supplementaryConfiguration: {},
      },
    };
    const snap = parseInventoryText(JSON.stringify(item, null, 4), 'get-aggregate-resource-config.json');
    expect(snap.resources.map((r) => [r.nativeType, r.id, r.scope, r.tags, r.capturedAt])).toEqual([
      [
        'AWS::SNS::Topic',
        'arn:aws:sns:eu-west-1:210987654321:shop-alerts',
        'aws:210987654321:eu-west-1',
        { team: 'shop' },
        '2024-06-12T06:10:00.412Z',
      ],
    ]);
  });
});
