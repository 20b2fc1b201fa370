import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import type { InventorySource } from '../../../core/ports/inventory-source.ts';
import { readAggregator } from './aggregator-reader.ts';
import { AccountCredentials } from './assume-role.ts';
import { AwsClients } from './clients.ts';
import { type AwsInventoryOptions, type ResolvedAwsOptions, resolveOptions } from './options.ts';
import { type ReadContext, readScope } from './scope-reader.ts';
import { mergeEvidence } from './scope-result.ts';

/**
 * Live AWS inventory: AWS Config advanced query per account+region (through an assumed role) or once
 * through a configuration aggregator, Cloud Control for types Config does not record, and coverage
 * evidence per account+region from the recorders. A scope that fails is reported incomplete with a
 * one-line reason; read() never rejects because of one scope.
 */
export class AwsInventory implements InventorySource {
  readonly name: string;
  private readonly opts: ResolvedAwsOptions;

  /** Throws AwsInventoryConfigError when the scopes or options are invalid. */
  constructor(options: AwsInventoryOptions) {
    this.opts = resolveOptions(options);
    this.name = `aws-config:${options.target}`;
  }

  async read(): Promise<InventorySnapshot> {
    const { scopes, only } = this.opts;
    const wanted = only
      ? [only]
      : scopes.accounts.flatMap((account) => scopes.regions.map((region) => ({ account, region })));
    const clients = new AwsClients(this.opts);
    // A fresh session cache per read: one AssumeRole per account per scan, failures not remembered longer.
    const stsRegion = scopes.aggregator?.region ?? wanted[0]!.region;
    const ctx: ReadContext = {
      clients,
      credentials: new AccountCredentials(clients, scopes.assumeRole, this.opts.credentials, stsRegion),
      scopes,
    };
    try {
      const results = scopes.aggregator
        ? [await readAggregator(ctx, wanted)]
        : await Promise.all(wanted.map((w) => readScope(ctx, w.account, w.region)));
      return {
        resources: results.flatMap((r) => r.resources),
        coverage: mergeEvidence(results.flatMap((r) => r.evidence)),
      };
    } finally {
      clients.destroy();
    }
  }
}
