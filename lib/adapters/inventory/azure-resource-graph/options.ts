import type { ResourceGraphModels } from '@azure/arm-resourcegraph';
import type { ResourceManagementClientOptionalParams } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/identity';
import type { AzureScopes } from '../../../core/config/scope-types.ts';
import type { AzureOp, CallRunnerOptions } from './call-runner.ts';

/**
 * Transports for tests: the two SDK generations take different HttpClient shapes (ms-rest-js for
 * Resource Graph, core-rest-pipeline for ARM). The whole SDK pipeline (auth, serialization) runs.
 */
export interface AzureHttpClients {
  resourceGraph?: ResourceGraphModels.ResourceGraphClientOptions['httpClient'];
  arm?: ResourceManagementClientOptionalParams['httpClient'];
}

export interface AzureResourceGraphInventoryOptions extends Omit<CallRunnerOptions, 'onCall'> {
  /** Target name (source names and messages). */
  target: string;
  scopes: AzureScopes;
  /** Default: DefaultAzureCredential (with scopes.tenantId when given). */
  credential?: TokenCredential;
  /** ARM endpoint (sovereign clouds); default https://management.azure.com. */
  endpoint?: string;
  httpClient?: AzureHttpClients;
  /** Read only this subscription (one scan shard). */
  only?: string;
  /** Subscriptions per Resource Graph query (default 100). */
  batchSize?: number;
  onCall?: (op: AzureOp) => void;
}
