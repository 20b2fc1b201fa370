import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { caughtErrorText } from '../../../../functions/scan-finalize/inputs.ts';
import { configFromEnv, parseScanEnv } from '../../../../functions/shared/env.ts';
import { EnvironmentError, oneLine } from '../../../../functions/shared/errors.ts';
import { loadHashKey } from '../../../../functions/shared/hash-key.ts';
import { recordScanId } from '../../../../functions/shared/keys.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const env = {
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
  EVENT_BUS_NAME: 'e',
  DRIFTWATCH_CONFIG: JSON.stringify({
    version: 1,
    targets: [{ name: 'a', provider: 'aws', state: ['s.tfstate'], inventory: ['i.json'] }],
  }),
  HASH_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:driftwatch-hash-key-AbCdEf',
};

describe('scan Lambda environment', () => {
  it('parses the environment and the config it carries', () => {
    const e = parseScanEnv(env);
    expect(configFromEnv(e).targets.map((t) => t.name)).toEqual(['a']);
  });

  it('names the first missing or bad variable in one line', () => {
    expect(() => parseScanEnv({ ...env, BUCKET_NAME: undefined })).toThrow(
      new EnvironmentError('BUCKET_NAME: Invalid input: expected string, received undefined'),
    );
    expect(() => parseScanEnv({ ...env, HASH_KEY_SECRET_ARN: undefined })).toThrow(
      'HASH_KEY_SECRET_ARN is not set',
    );
    expect(() => configFromEnv({ DRIFTWATCH_CONFIG: '{' })).toThrow('DRIFTWATCH_CONFIG is not valid JSON');
    expect(() => configFromEnv({ DRIFTWATCH_CONFIG: '{"version":2}' })).toThrow(
      /^DRIFTWATCH_CONFIG: version: /,
    );
  });
});

describe('loadHashKey', () => {
  it('reads the secret once per container; DRIFTWATCH_HASH_KEY wins locally', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves({ SecretString: 'k-from-secret\n' });
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    expect(await loadHashKey(env, client)).toBe('k-from-secret');
    expect(await loadHashKey(env, client)).toBe('k-from-secret');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(sm.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({
      SecretId: env.HASH_KEY_SECRET_ARN,
    });
    expect(await loadHashKey({ ...env, DRIFTWATCH_HASH_KEY: 'local' }, client)).toBe('local');
    sm.restore();
  });

  it('refuses an empty secret and does not cache the failure', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolvesOnce({ SecretString: '' }).resolves({ SecretString: 'second' });
    const client = new SecretsManagerClient({ region: 'eu-west-1' });
    const other = { HASH_KEY_SECRET_ARN: `${env.HASH_KEY_SECRET_ARN}-2` };
    await expect(loadHashKey(other, client)).rejects.toThrow('the hash key secret has no string value');
    expect(await loadHashKey(other, client)).toBe('second');
    sm.restore();
  });
});

describe('small contract helpers', () => {
  it('records a one-target scan under its id, a several-target scan per target', () => {
    expect(recordScanId('s1', 'a', ['a'])).toBe('s1');
    expect(recordScanId('s1', 'a', ['a', 'b'])).toBe('s1.a');
  });

  it("turns a Catch's error into one line (the Lambda's errorMessage when Cause is its JSON)", () => {
    expect(
      caughtErrorText({
        Error: 'UsageError',
        Cause: '{"errorType":"UsageError","errorMessage":"x: bad","trace":["at a"]}',
      }),
    ).toBe('UsageError: x: bad');
    expect(caughtErrorText({ Error: 'States.Timeout', Cause: 'timed out\nmore' })).toBe(
      'States.Timeout: timed out',
    );
    expect(caughtErrorText({ Error: 'Boom' })).toBe('Boom');
    expect(caughtErrorText('plain\nstack')).toBe('plain');
    expect(caughtErrorText(undefined)).toBe('unknown error');
    const e = new TypeError('nope\n    at x');
    expect(oneLine(e)).toBe('TypeError: nope');
  });
});
