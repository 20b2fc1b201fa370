import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  secretNamedValuesOpaque,
  secretValuesOpaque,
} from '../../../../lib/mappings/kubernetes/secret-marker.ts';
import { snakeCase, toTerraformShape } from '../../../../lib/mappings/kubernetes/terraform-shape.ts';

describe('toTerraformShape', () => {
  it.each([
    ['clusterIP', 'cluster_ip'],
    ['clusterIPs', 'cluster_ips'],
    ['hostIPC', 'host_ipc'],
    ['terminationGracePeriodSeconds', 'termination_grace_period_seconds'],
    ['targetCPUUtilizationPercentage', 'target_cpu_utilization_percentage'],
    ['seLinuxOptions', 'se_linux_options'],
  ])('%s → %s', (camel, snake) => {
    expect(snakeCase(camel)).toBe(snake);
  });

  it('turns objects into blocks, keeps maps, renames list fields and octal-encodes modes', () => {
    expect(
      toTerraformShape({
        selector: { matchLabels: { app: 'web' } },
        template: {
          spec: {
            containers: [
              { name: 'web', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } },
            ],
            volumes: [{ name: 'c', configMap: { name: 'c', defaultMode: 420 } }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
          },
        },
      }),
    ).toEqual({
      selector: [{ match_labels: { app: 'web' } }],
      template: [
        {
          spec: [
            {
              container: [
                { name: 'web', port: [{ container_port: 80 }], resources: [{ limits: { cpu: '1' } }] },
              ],
              volume: [{ name: 'c', config_map: [{ name: 'c', default_mode: '0644' }] }],
              node_selector: { 'kubernetes.io/os': 'linux' },
            },
          ],
        },
      ],
    });
  });

  it('keeps a Service selector as a map', () => {
    expect(toTerraformShape({ selector: { app: 'web' }, externalIPs: ['1.2.3.4'] })).toEqual({
      selector: { app: 'web' },
      external_ips: ['1.2.3.4'],
    });
  });
});

describe('secretValuesOpaque', () => {
  it('replaces plain values by opaque sensitive tokens, equal for equal values', () => {
    const a = secretValuesOpaque.apply({ p: 'x', q: { $sensitive: 'h' } }) as Record<string, unknown>;
    const b = secretValuesOpaque.apply({ p: 'x' }) as Record<string, unknown>;
    expect(a.p).toEqual(b.p);
    expect(a.q).toEqual({ $sensitive: 'h' });
    expect(JSON.stringify(a)).not.toContain('"x"');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (data) => {
        const once = secretValuesOpaque.apply(data);
        expect(secretValuesOpaque.apply(once)).toEqual(once);
      }),
    );
  });
});

describe('secretNamedValuesOpaque', () => {
  it('hides values of entries named like secrets, deep, and nothing else', () => {
    const out = secretNamedValuesOpaque.apply({
      env: [
        { name: 'API_TOKEN', value: 'abc' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
    }) as { env: { value: unknown }[] };
    expect(out.env[0]!.value).toMatchObject({ $sensitive: expect.stringMatching(/^unsealed:/) });
    expect(out.env[1]!.value).toBe('info');
  });

  it('is idempotent', () => {
    const entry = fc.record({
      name: fc.constantFrom('DB_PASSWORD', 'HOST', 'secret'),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.array(entry), (env) => {
        const once = secretNamedValuesOpaque.apply({ env });
        expect(secretNamedValuesOpaque.apply(once)).toEqual(once);
      }),
    );
  });
});
