import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True when the endpoint is on this machine (dynalite, DynamoDB Local). */
export function isLocalEndpoint(endpoint: string): boolean {
  try {
    return LOCAL_HOSTS.has(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/** The DynamoDB endpoint from the standard variables (service-specific one first), if any. */
export function endpointFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * A DynamoDB client following AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL; for a local endpoint it
 * defaults the region and uses dummy credentials when none are configured (the emulator ignores them).
 */
export function createDynamoDbClient(env: NodeJS.ProcessEnv = process.env, endpoint = endpointFromEnv(env)) {
  const config: DynamoDBClientConfig = {};
  if (endpoint) {
    config.endpoint = endpoint;
    config.region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
    if (isLocalEndpoint(endpoint)) {
      // Local runs on Node 20 would otherwise print the SDK's Node version warning on every command.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
        config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
      }
    }
  }
  return new DynamoDBClient(config);
}
