import { describe, expect, it } from 'vitest';
import { checkYaml, describeAt, type KindSchema } from './schema-check';

// The shape kindSchema (apps/api) serves: a $ref into $defs, property refs wrapped in allOf, closed objects.
const schema: KindSchema = {
  $ref: '#/$defs/Deployment',
  $defs: {
    Deployment: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        apiVersion: { type: 'string', enum: ['apps/v1'] },
        kind: { type: 'string', enum: ['Deployment'] },
        metadata: { allOf: [{ $ref: '#/$defs/ObjectMeta' }], default: {}, description: 'Standard object metadata.' },
        spec: { allOf: [{ $ref: '#/$defs/DeploymentSpec' }], default: {} },
      },
    },
    ObjectMeta: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', description: 'Name must be unique within a namespace.' },
        labels: { type: 'object', additionalProperties: { type: 'string', default: '' } },
        creationTimestamp: { type: 'string', format: 'date-time' },
      },
    },
    DeploymentSpec: {
      type: 'object',
      required: ['selector'],
      additionalProperties: false,
      properties: {
        replicas: { type: 'integer', description: 'Number of desired pods.' },
        selector: { type: 'object' },
        strategy: { type: 'object', additionalProperties: false, properties: { type: { type: 'string', enum: ['Recreate', 'RollingUpdate'] } } },
        ports: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { port: { type: ['integer', 'string'], description: 'The port.' } } } },
      },
    },
  },
};

const doc = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  creationTimestamp: null\nspec:\n${spec}`;

describe('checkYaml', () => {
  it('accepts a valid object (null reads as unset)', () => {
    expect(checkYaml(doc('  replicas: 2\n  selector: {}\n  ports:\n    - port: http\n    - port: 80\n'), schema)).toEqual([]);
  });

  it('places type, enum, required and unknown-field problems on the right lines', () => {
    const text = doc('  replicas: two\n  strategy:\n    type: Sometimes\n  replicsa: 3\n');
    const problems = checkYaml(text, schema);
    const byCode = Object.fromEntries(problems.map((p) => [p.code, p]));
    expect(problems.map((p) => p.code).sort()).toEqual(['enum', 'required', 'type', 'unknownField']);
    expect(byCode.type).toMatchObject({ path: '.spec.replicas', severity: 'error', start: { line: 7, column: 13 }, params: { expected: 'integer' } });
    expect(byCode.enum).toMatchObject({ path: '.spec.strategy.type', start: { line: 9, column: 11 }, params: { values: 'Recreate, RollingUpdate' } });
    // Unknown fields are dropped by the apiserver, not refused: a warning, on the key.
    expect(byCode.unknownField).toMatchObject({ path: '.spec.replicsa', severity: 'warning', start: { line: 10, column: 3 }, end: { line: 10, column: 11 } });
    // A missing field is marked on the key of the object that lacks it.
    expect(byCode.required).toMatchObject({ path: '.spec.selector', params: { field: 'selector' }, start: { line: 6, column: 1 } });
  });

  it('reports syntax errors and skips the schema until the text parses', () => {
    const problems = checkYaml('kind: Deployment\nspec:\n  replicas: [1\n', schema);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'syntax' && p.severity === 'error')).toBe(true);
  });

  it('checks syntax only when there is no schema', () => {
    expect(checkYaml(doc('  bogus: 1\n'), null)).toEqual([]);
    expect(checkYaml('a: : b\n', null)[0]?.code).toBe('syntax');
  });
});

describe('describeAt', () => {
  it('describes the field under the cursor through refs and arrays', () => {
    const text = doc('  replicas: 2\n  ports:\n    - port: 80\n');
    expect(describeAt(text, { line: 7, column: 4 }, schema)).toEqual({ path: '.spec.replicas', type: 'integer', description: 'Number of desired pods.' });
    expect(describeAt(text, { line: 3, column: 2 }, schema)).toMatchObject({ path: '.metadata', type: 'object', description: 'Standard object metadata.' });
    expect(describeAt(text, { line: 9, column: 8 }, schema)).toEqual({ path: '.spec.ports[0].port', type: 'integer | string', description: 'The port.' });
    expect(describeAt(text, { line: 4, column: 4 }, schema)?.description).toBe('Name must be unique within a namespace.');
  });

  it('says nothing of fields the schema does not know', () => {
    expect(describeAt(doc('  nope: 1\n'), { line: 7, column: 4 }, schema)).toBeNull();
  });
});
