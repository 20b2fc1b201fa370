import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { RemediationDeps } from '../../../../functions/remediation-plan/deps.ts';
import { type DriftwatchConfig, parseConfig } from '../../../../lib/core/config/index.ts';
import type { DriftwatchEvent } from '../../../../lib/core/events/index.ts';
import type { ApprovalQuery, ApprovalStore } from '../../../../lib/core/ports/approval-store.ts';
import {
  type Approval,
  ApprovalConflictError,
  type ApprovalStatus,
} from '../../../../lib/core/remediation/index.ts';
import { FakeDriftStore } from '../../api/fake-store.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

/** In-memory ApprovalStore with the adapter's semantics (first create wins, conditional transition). */
export class MemoryApprovals implements ApprovalStore {
  readonly items = new Map<string, Approval>();
  async create(a: Approval) {
    const existing = this.items.get(a.id);
    if (existing) return existing;
    this.items.set(a.id, a);
    return a;
  }
  async get(id: string) {
    return this.items.get(id);
  }
  async list(q: ApprovalQuery) {
    return [...this.items.values()].filter(
      (a) => (!q.status || a.status === q.status) && (!q.driftId || a.driftId === q.driftId),
    );
  }
  async transition(next: Approval, from: readonly ApprovalStatus[]) {
    const cur = this.items.get(next.id);
    if (!cur || !from.includes(cur.status))
      throw new ApprovalConflictError(next.id, cur?.status ?? 'missing');
    this.items.set(next.id, next);
    return next;
  }
}

export const NOW = new Date('2026-03-14T12:00:00.000Z');

/** The examples' AWS target (export files) with remediation on. */
export function testConfig(
  remediation: Record<string, unknown> = {},
  inventory = 'examples/aws/config-snapshot.json',
): DriftwatchConfig {
  return parseConfig(
    {
      version: 1,
      targets: [
        {
          name: 'example-aws',
          provider: 'aws',
          state: ['examples/aws/terraform.tfstate'],
          inventory: [inventory],
        },
      ],
      remediation: {
        enabled: true,
        executor: 'revert-tags',
        dryRun: true,
        approvalTimeoutHours: 2,
        ...remediation,
      },
    },
    'test config',
  );
}

export interface TestDeps extends RemediationDeps {
  store: FakeDriftStore;
  approvals: MemoryApprovals;
  published: DriftwatchEvent[];
  logs: string[];
}

/** Handler dependencies on in-memory fakes; logs captured as JSON lines. */
export function testDeps(config = testConfig()): TestDeps {
  const published: DriftwatchEvent[] = [];
  const logs: string[] = [];
  const logger = new Logger({ serviceName: 'test', logLevel: 'DEBUG' });
  for (const level of ['info', 'warn', 'error', 'debug'] as const)
    logger[level] = ((...args: unknown[]) => {
      logs.push(JSON.stringify(args));
    }) as never;
  return {
    config,
    store: new FakeDriftStore(),
    approvals: new MemoryApprovals(),
    blobs: undefined as never,
    events: {
      publish: async (events) => {
        published.push(...events);
        return events.length;
      },
    },
    hashKey: async () => 'test-hash-key-0123456789abcdef',
    cwd: process.cwd(),
    env: {},
    logger,
    metrics: new Metrics({ namespace: 'driftwatch', serviceName: 'test' }),
    now: () => NOW,
    published,
    logs,
  };
}
