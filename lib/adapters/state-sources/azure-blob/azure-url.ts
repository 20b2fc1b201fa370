import { UsageError } from '../../../core/model/errors.ts';

export interface AzureBlobLocation {
  account: string;
  container: string;
  blob: string;
}

/** Splits `azblob://account/container/path/to/blob` (the azurerm backend's account, container, key). */
export function parseAzureBlobUrl(url: string): AzureBlobLocation {
  const m = /^azblob:\/\/([^/]+)\/([^/]+)\/(.+)$/.exec(url);
  if (!m) throw new UsageError('expected azblob://<account>/<container>/<blob>', url);
  const [, account = '', container = '', blob = ''] = m;
  if (!/^[a-z0-9]{3,24}$/.test(account))
    throw new UsageError(`"${account}" is not a valid storage account name`, url);
  if (!/^(\$root|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$/.test(container))
    throw new UsageError(`"${container}" is not a valid container name`, url);
  return { account, container, blob };
}
