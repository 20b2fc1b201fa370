import { describe, expect, it } from 'vitest';
import { gcsError } from '../../../../../lib/adapters/state-sources/gcs/gcs-errors.ts';
import { parseGcsUrl, workspaceObject } from '../../../../../lib/adapters/state-sources/gcs/index.ts';
import { UsageError } from '../../../../../lib/core/model/errors.ts';

describe('parseGcsUrl', () => {
  it('normalises the prefix to end in a slash, as the gcs backend does', () => {
    expect(parseGcsUrl('gs://acme-tfstate/platform/network')).toEqual({
      bucket: 'acme-tfstate',
      prefix: 'platform/network/',
    });
    expect(parseGcsUrl('gs://acme-tfstate/platform/network/')).toEqual({
      bucket: 'acme-tfstate',
      prefix: 'platform/network/',
    });
    expect(parseGcsUrl('gs://acme-tfstate')).toEqual({ bucket: 'acme-tfstate', prefix: '' });
  });
  it('names workspace objects <prefix><ws>.tfstate', () => {
    expect(workspaceObject('platform/network/', 'default')).toBe('platform/network/default.tfstate');
    expect(workspaceObject('', 'dev')).toBe('dev.tfstate');
  });
  it.each(['gs://acme-tfstate/env/default.tfstate', 'gs://A/x', 's3://a/b'])('refuses %s', (url) => {
    expect(() => parseGcsUrl(url)).toThrow(UsageError);
  });
});

// ApiErrors as @google-cloud/storage builds them from the JSON error body.
const apiError = (code: number, reason: string, message: string) =>
  Object.assign(new Error(message), { code, errors: [{ message, domain: 'global', reason }] });

describe('gcsError', () => {
  const url = 'gs://acme-tfstate/env/default.tfstate';
  it.each([
    [404, 'notFound', 'No such object: acme-tfstate/env/default.tfstate', 'state not found (404 notFound)'],
    [404, 'notFound', 'The specified bucket does not exist.', 'bucket not found (404 notFound)'],
    [401, 'authError', 'Invalid Credentials', 'credentials rejected (401 authError)'],
    [
      403,
      'forbidden',
      'x@y.iam.gserviceaccount.com does not have storage.objects.get access',
      'access denied (403 forbidden)',
    ],
    [
      429,
      'rateLimitExceeded',
      'The rate of change requests is too high',
      'cannot read the state (429: The rate of change requests is too high)',
    ],
  ])('maps %i %s', (code, reason, message, expected) => {
    expect(gcsError(apiError(code, reason, message), url).message).toBe(`${url}: ${expected}`);
  });
  it('maps missing Application Default Credentials', () => {
    const adc = new Error(
      'Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.',
    );
    expect(gcsError(adc, url).message).toMatch(
      /^gs:\/\/acme-tfstate\/env\/default\.tfstate: credentials rejected \(Could not load the default credentials\./,
    );
  });
});
