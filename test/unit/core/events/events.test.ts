import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DETAIL_TYPES,
  DriftwatchEventSchema,
  eventSchemaFiles,
  eventsFromWrites,
  scanCompletedEvent,
  scanFailedEvent,
} from '../../../../lib/core/events/index.ts';
import { acknowledge } from '../../../../lib/core/lifecycle/acknowledge.ts';
import { driftId } from '../../../../lib/core/lifecycle/drift-id.ts';
import {
  applied,
  at,
  changed,
  missing,
  plan,
  report,
  run,
  scope,
  T0,
  TARGET,
} from '../lifecycle/builders.ts';

const secretChange = changed({
  address: 'aws_db_instance.main',
  type: 'aws_db_instance',
  changes: [
    { path: 'password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true, digest: 'h1|h2' },
    { path: 'tags.env', desired: 'prod', actual: 'hunter2-visible' },
  ],
});

describe('eventsFromWrites', () => {
  it('builds DriftDetected with paths and the sensitive flag, never values', () => {
    const p = plan({ report: report([secretChange]) });
    const events = eventsFromWrites(p.writes, { scanId: 'scan-1', target: TARGET });
    const id = driftId(TARGET, secretChange);
    expect(events).toEqual([
      {
        detailType: 'DriftDetected',
        detail: {
          eventId: `scan-1:${id}:DriftDetected`,
          at: T0.toISOString(),
          driftId: id,
          target: TARGET,
          provider: 'aws',
          scope: 'aws:111122223333:eu-west-1',
          type: 'aws_db_instance',
          nativeType: 'AWS::S3::Bucket',
          address: 'aws_db_instance.main',
          resourceId: 'arn:aws:s3:::shop-logs-111122223333',
          kind: 'changed',
          category: 'tags',
          severity: 'low',
          status: 'active',
          changedPaths: [
            { path: 'password', sensitive: true },
            { path: 'tags.env', sensitive: false },
          ],
          scanId: 'scan-1',
          reopened: false,
          reopenCount: 0,
          flapping: false,
        },
      },
    ]);
    const text = JSON.stringify(events);
    for (const leak of ['hunter2-visible', '"prod"', '(sensitive)', 'h1|h2', '$sensitive'])
      expect(text).not.toContain(leak);
    for (const e of events) expect(DriftwatchEventSchema.parse(e)).toEqual(e);
  });

  it('maps changed, resolved and reopened transitions; a replayed scan yields nothing', () => {
    const { plans } = run([
      { drifts: [changed(), missing()], now: T0, scanId: 's1' },
      {
        drifts: [changed({ changes: [{ path: 'tags.env', desired: 'a', actual: 'b' }] })],
        now: at(1),
        scanId: 's2',
      },
      { drifts: [changed(), missing()], now: at(2), scanId: 's3' },
    ]);
    const kinds = (i: number, scanId: string) =>
      eventsFromWrites(plans[i]!.writes, { scanId, target: TARGET }).map((e) => [
        e.detailType,
        e.detailType === 'DriftDetected'
          ? e.detail.reopened
          : e.detailType === 'DriftResolved'
            ? e.detail.resolution
            : '',
      ]);
    expect(kinds(0, 's1')).toEqual([
      ['DriftDetected', false],
      ['DriftDetected', false],
    ]);
    expect(kinds(1, 's2')).toEqual([
      ['DriftChanged', ''],
      ['DriftResolved', 'state_updated'],
    ]);
    expect(kinds(2, 's3')).toEqual([
      ['DriftChanged', ''],
      ['DriftDetected', true],
    ]);
    expect(eventsFromWrites([], { scanId: 's3', target: TARGET })).toEqual([]);
  });

  it('maps an acknowledgement to DriftAcknowledged with actor and reason, ignores other targets', () => {
    const rec = applied([], plan({ report: report([changed()]) }).writes)[0]!;
    const w = acknowledge(rec, { by: 'alice@example.com', reason: 'CAB-1142' }, at(1));
    const [e] = eventsFromWrites([w], { scanId: 'scan-1', target: TARGET });
    expect(e?.detailType).toBe('DriftAcknowledged');
    expect(e?.detail).toMatchObject({
      eventId: `${at(1).toISOString()}:alice@example.com:${rec.id}:DriftAcknowledged`,
      actor: 'alice@example.com',
      reason: 'CAB-1142',
      status: 'acknowledged',
    });
    expect(eventsFromWrites([w], { scanId: 'scan-1', target: 'other' })).toEqual([]);
  });
});

describe('event schemas', () => {
  it('refuses a detail carrying a value', () => {
    const [e] = eventsFromWrites(plan({ report: report([changed()]) }).writes, {
      scanId: 's',
      target: TARGET,
    });
    const withValue = {
      ...e!,
      detail: { ...e!.detail, changedPaths: [{ path: 'tags.env', sensitive: false, actual: 'x' }] },
    };
    expect(DriftwatchEventSchema.safeParse(withValue).success).toBe(false);
    expect(DriftwatchEventSchema.safeParse({ ...e!, detail: { ...e!.detail, desired: 'x' } }).success).toBe(
      false,
    );
  });

  it('builds ScanCompleted / ScanFailed with deterministic ids and a one-line error', () => {
    const done = scanCompletedEvent({
      at: at(1).toISOString(),
      scanId: 's1',
      target: TARGET,
      startedAt: T0.toISOString(),
      counts: { opened: 1, changed: 0, resolved: 0, reopened: 0, unchanged: 0, expired: 0 },
      summary: { managed: 3, unmanaged: 0, missing: 0, changed: 1, coverage: 1, complete: true },
      incompleteScopes: [scope().scope],
    });
    expect(done.detail.eventId).toBe(`s1:${TARGET}:ScanCompleted`);
    expect(DriftwatchEventSchema.parse(done)).toEqual(done);
    const failed = scanFailedEvent({
      scanId: 's1',
      target: '*',
      at: T0.toISOString(),
      error: 'Boom: x\n  at stack',
    });
    expect(failed.detail).toEqual({
      scanId: 's1',
      target: '*',
      at: T0.toISOString(),
      error: 'Boom: x',
      eventId: 's1:*:ScanFailed',
    });
  });

  it('commits one JSON Schema per detail type, equal to freshly generated ones', () => {
    const dir = new URL('../../../../schemas/events/', import.meta.url);
    const files = eventSchemaFiles();
    expect(Object.keys(files).sort()).toEqual(DETAIL_TYPES.map((t) => `${t}.schema.json`).sort());
    expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files))
      expect(readFileSync(new URL(name, dir), 'utf8')).toBe(text);
    const detected = JSON.parse(files['DriftDetected.schema.json']!);
    expect(detected.additionalProperties).toBe(false);
    expect(detected.properties.changedPaths.items.additionalProperties).toBe(false);
  });
});
