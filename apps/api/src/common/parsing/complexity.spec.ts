import { describe, expect, it } from 'vitest';
import { assertJsonWithin, assertYamlWithin, JSON_LIMITS, YAML_LIMITS } from './complexity.js';

const refused = (fn: () => void) => expect(fn).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_COMPLEX' }));
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('assertJsonWithin', () => {
  it('admits nesting up to the limit, refuses one more; brackets in strings are text', () => {
    expect(() => assertJsonWithin(nested(JSON_LIMITS.depth))).not.toThrow();
    refused(() => assertJsonWithin(nested(JSON_LIMITS.depth + 1)));
    expect(() => assertJsonWithin(JSON.stringify({ a: '['.repeat(1000), b: '"\\[[[' }))).not.toThrow();
    // Stray closers cannot buy extra depth.
    refused(() => assertJsonWithin(']'.repeat(500) + nested(JSON_LIMITS.depth + 1)));
  });
});

describe('assertYamlWithin', () => {
  const kubeconfig = [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    '    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
    '    server: https://127.0.0.1:6443',
    '  name: dev',
    'contexts:',
    '- context: {cluster: dev, user: dev}',
    '  name: dev',
    'users:',
    '- name: dev',
    '  user:',
    '    token: abc',
  ].join('\n');

  it('admits an ordinary kubeconfig, in YAML and as JSON', () => {
    expect(() => assertYamlWithin(kubeconfig)).not.toThrow();
    expect(() => assertYamlWithin(JSON.stringify({ clusters: [{ name: 'a', cluster: { server: 'https://x' } }] }, null, 2))).not.toThrow();
  });

  it('refuses deep flow, block and compact nesting', () => {
    refused(() => assertYamlWithin(`a: ${nested(YAML_LIMITS.depth)}`));
    refused(() => assertYamlWithin(Array.from({ length: YAML_LIMITS.depth + 1 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')));
    refused(() => assertYamlWithin(`a:\n${'- '.repeat(YAML_LIMITS.depth)}x`));
    refused(() => assertYamlWithin(`a:\n${'-   '.repeat(YAML_LIMITS.depth)}x`));
  });

  it('refuses too many entries, however they are spelled; quotes hide nothing from the count', () => {
    refused(() => assertYamlWithin(`a: [${'1,'.repeat(YAML_LIMITS.entries)}1]`));
    refused(() => assertYamlWithin(Array.from({ length: YAML_LIMITS.entries + 1 }, (_, i) => `k${i}: v`).join('\n')));
    refused(() => assertYamlWithin(`a: "x\n${Array.from({ length: YAML_LIMITS.entries + 1 }, (_, i) => `k${i}: v`).join('\n')}\n"`));
  });
});
