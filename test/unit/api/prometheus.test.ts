import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, listScope } from '../../../lib/api/cursor.ts';
import { escapeLabel, renderExposition } from '../../../lib/api/prometheus.ts';

describe('renderExposition', () => {
  it('writes HELP, TYPE and one line per sample, suffixes included', () => {
    const text = renderExposition([
      {
        name: 'x_total',
        help: 'Things\nseen.',
        type: 'counter',
        samples: [{ labels: { a: 'b' }, value: 3 }],
      },
      {
        name: 'lat_seconds',
        help: 'Latency.',
        type: 'summary',
        samples: [
          { suffix: '_sum', labels: {}, value: 0.25 },
          { suffix: '_count', labels: {}, value: 2 },
        ],
      },
      { name: 'empty', help: 'Nothing yet.', type: 'gauge', samples: [] },
      {
        name: 'odd',
        help: 'Odd.',
        type: 'gauge',
        samples: [{ labels: { 'bad-name': 'v' }, value: Number.NaN }],
      },
    ]);
    expect(text).toBe(
      [
        '# HELP x_total Things\\nseen.',
        '# TYPE x_total counter',
        'x_total{a="b"} 3',
        '# HELP lat_seconds Latency.',
        '# TYPE lat_seconds summary',
        'lat_seconds_sum 0.25',
        'lat_seconds_count 2',
        '# HELP empty Nothing yet.',
        '# TYPE empty gauge',
        '# HELP odd Odd.',
        '# TYPE odd gauge',
        'odd{bad_name="v"} NaN',
        '',
      ].join('\n'),
    );
  });

  it('escapes backslash, quote and newline in label values', () => {
    expect(escapeLabel('C:\\tf "prod"\nx')).toBe('C:\\\\tf \\"prod\\"\\nx');
  });
});

describe('API cursors', () => {
  it('round-trip the store cursor for the same listing only', () => {
    const scope = listScope('drifts', { status: 'active', limit: 5, cursor: 'ignored' });
    expect(scope).toBe(listScope('drifts', { status: 'active' }));
    const cursor = encodeCursor(scope, '{"pk":"TARGET#prod-eu","sk":"DRIFT#0001"}')!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(scope, cursor)).toBe('{"pk":"TARGET#prod-eu","sk":"DRIFT#0001"}');
    expect(() => decodeCursor(listScope('drifts', { status: 'resolved' }), cursor)).toThrow(
      'invalid_request',
    );
    expect(encodeCursor(scope, undefined)).toBeUndefined();
    expect(decodeCursor(scope, undefined)).toBeUndefined();
  });
});
