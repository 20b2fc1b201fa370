import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EventBridgePublisher,
  EventPublishError,
  entryBatches,
  MAX_BATCH_BYTES,
} from '../../../../../lib/adapters/events/eventbridge/index.ts';
import { type DriftwatchEvent, scanFailedEvent } from '../../../../../lib/core/events/index.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const eb = mockClient(EventBridgeClient);
afterEach(() => eb.reset());

const ev = (i: number): DriftwatchEvent =>
  scanFailedEvent({ scanId: `s${i}`, target: 'prod', at: '2026-03-02T08:00:00.000Z', error: 'boom' });
const client = () =>
  new EventBridgeClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const publisher = (sleeps: number[] = []) =>
  new EventBridgePublisher({
    eventBusName: 'driftwatch-bus',
    client: client(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
  });

describe('EventBridgePublisher', () => {
  it('sends validated entries with source, detail type and bus, 10 per call', async () => {
    eb.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `id-${i}` })),
    }));
    expect(await publisher().publish(Array.from({ length: 23 }, (_, i) => ev(i)))).toBe(23);
    const calls = eb.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
    const first = calls[0]?.args[0].input.Entries?.[0];
    expect({ ...first, Detail: JSON.parse(first?.Detail ?? '') }).toEqual({
      Source: 'driftwatch',
      DetailType: 'ScanFailed',
      Detail: {
        scanId: 's0',
        target: 'prod',
        at: '2026-03-02T08:00:00.000Z',
        error: 'boom',
        eventId: 's0:prod:ScanFailed',
      },
      EventBusName: 'driftwatch-bus',
    });
  });

  it('resends only the entries PutEvents reported failed, with backoff', async () => {
    eb.on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: 'a' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
          { EventId: 'c' },
        ],
      })
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    const sleeps: number[] = [];
    await publisher(sleeps).publish([ev(0), ev(1), ev(2)]);
    const calls = eb.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    expect(JSON.parse(calls[1]!.args[0].input.Entries![0]!.Detail!).scanId).toBe('s1');
    expect(sleeps).toEqual([200]);
  });

  it('gives up after its attempts with one line naming the error', async () => {
    eb.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }],
    });
    await expect(publisher().publish([ev(0)])).rejects.toThrow(
      new EventPublishError('1 event(s) refused by EventBridge after 4 attempts (InternalFailure: oops)'),
    );
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(4);
  });

  it('refuses an invalid detail before sending anything', async () => {
    const bad = {
      detailType: 'ScanFailed',
      detail: { ...ev(0).detail, desired: 'secret' },
    } as unknown as DriftwatchEvent;
    await expect(publisher().publish([ev(1), bad])).rejects.toThrow(/invalid ScanFailed detail/);
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('splits batches at 256 KB', () => {
    const big = (n: number): PutEventsRequestEntry => ({
      Source: 'driftwatch',
      DetailType: 'X',
      Detail: 'x'.repeat(n),
    });
    const batches = entryBatches([big(100_000), big(100_000), big(100_000), big(10)]);
    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    expect(MAX_BATCH_BYTES).toBe(262_144);
  });
});
