import { KubeConfig } from '@kubernetes/client-node';
import {
  KubernetesInventory,
  type KubernetesInventoryOptions,
} from '../../../../../lib/adapters/inventory/kubernetes/index.ts';
import { fakeKubeconfig } from '../../../../fakes/kubernetes-api-server.ts';

/** Backoff sleeps recorded instead of waited. */
export function instantRetry() {
  const slept: number[] = [];
  return {
    slept,
    retry: {
      sleep: async (ms: number) => {
        slept.push(ms);
      },
      random: () => 0.5,
    },
  };
}

/** A KubernetesInventory over fake API servers, one context per entry, with no real waiting. */
export function inventoryOver(
  servers: { context: string; server: string; token?: string }[],
  opts: Partial<KubernetesInventoryOptions> = {},
) {
  const kc = new KubeConfig();
  kc.loadFromString(fakeKubeconfig(servers));
  const { slept, retry } = instantRetry();
  const inventory = new KubernetesInventory({
    target: 'shop',
    scopes: { contexts: servers.map((s) => s.context) },
    kubeConfig: kc,
    retry,
    ...opts,
  });
  return { inventory, slept };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
