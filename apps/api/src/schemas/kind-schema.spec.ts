import { describe, expect, it } from 'vitest';
import type { ComponentSchemas } from '../k8s/openapi-v3.js';
import { componentFor, kindSchema } from './kind-schema.js';

const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} });

// The shapes of a real apps/v1 document, cut down: wrapped refs, a shared multi-kind type, an unused type.
const schemas: ComponentSchemas = {
  'apps.v1.Widget': {
    description: 'A widget.',
    type: 'object',
    properties: {
      apiVersion: { description: 'APIVersion defines the versioned schema.', type: 'string' },
      kind: { type: 'string' },
      spec: { description: 'The desired state.', ...ref('apps.v1.WidgetSpec') },
    },
    'x-kubernetes-group-version-kind': [{ group: 'apps', kind: 'Widget', version: 'v1' }],
  },
  'apps.v1.WidgetSpec': {
    type: 'object',
    required: ['parts'],
    properties: {
      replicas: { description: 'Number of desired widgets.', type: 'integer', format: 'int32' },
      parts: { type: 'array', items: ref('apps.v1.Part'), 'x-kubernetes-list-type': 'atomic' },
      // A field named like a keyword is data, not a reference.
      $ref: { type: 'string' },
      note: { type: 'string', nullable: true },
      labels: { type: 'object', additionalProperties: { type: 'string', default: '' } },
      size: { oneOf: [{ type: 'integer' }, { type: 'string' }], format: 'int-or-string' },
    },
  },
  'apps.v1.Part': {
    type: 'object',
    properties: {
      image: { type: 'string' },
      self: ref('apps.v1.Part'),
      lost: ref('apps.v1.Gone'),
      // As CRDs publish them: an int-or-string by extension alone, a free-form object that keeps unknown fields.
      port: { 'x-kubernetes-int-or-string': true },
      config: { type: 'object', properties: { mode: { type: 'string' } }, 'x-kubernetes-preserve-unknown-fields': true },
    },
  },
  'apps.v1.Unrelated': { type: 'object', properties: { x: { type: 'string' } } },
  'meta.v1.DeleteOptions': {
    type: 'object',
    'x-kubernetes-group-version-kind': [
      { group: '', kind: 'DeleteOptions', version: 'v1' },
      { group: 'apps', kind: 'DeleteOptions', version: 'v1' },
    ],
  },
};

describe('kind schema from an OpenAPI v3 document', () => {
  const schema = kindSchema(schemas, { group: 'apps', version: 'v1', kind: 'Widget' })!;
  const defs = schema.$defs as Record<string, { properties: Record<string, Record<string, unknown>> }>;

  it('points at the kind and keeps only what is reachable from it, refs rewritten', () => {
    expect(schema.$ref).toBe('#/$defs/apps.v1.Widget');
    expect(Object.keys(schema.$defs).sort()).toEqual(['apps.v1.Gone', 'apps.v1.Part', 'apps.v1.Widget', 'apps.v1.WidgetSpec']);
    expect(defs['apps.v1.Widget']!.properties.spec).toEqual({ description: 'The desired state.', allOf: [{ $ref: '#/$defs/apps.v1.WidgetSpec' }], default: {} });
    expect(defs['apps.v1.WidgetSpec']!.properties.parts).toEqual({ type: 'array', items: { allOf: [{ $ref: '#/$defs/apps.v1.Part' }], default: {} } });
    expect(JSON.stringify(schema)).not.toContain('#/components/');
    // A reference to a missing component accepts anything instead of breaking the document.
    expect(schema.$defs['apps.v1.Gone']).toEqual({});
  });

  it('keeps descriptions and data, drops x-kubernetes extensions, maps nullable, pins apiVersion and kind', () => {
    const spec = defs['apps.v1.WidgetSpec']!.properties;
    expect(spec.replicas).toEqual({ description: 'Number of desired widgets.', type: 'integer', format: 'int32' });
    expect(spec.$ref).toEqual({ type: 'string' });
    expect(spec.note).toEqual({ type: ['string', 'null'] });
    expect(spec.labels).toEqual({ type: 'object', additionalProperties: { type: 'string', default: '' } });
    const part = defs['apps.v1.Part']!.properties;
    expect(part.port).toEqual({ anyOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(part.config).toEqual({ type: 'object', properties: { mode: { type: 'string' } } });
    expect(spec.size).toEqual({ oneOf: [{ type: 'integer' }, { type: 'string' }], format: 'int-or-string' });
    expect(JSON.stringify(schema)).not.toContain('x-kubernetes');
    const root = defs['apps.v1.Widget']!.properties;
    expect(root.apiVersion).toEqual({ description: 'APIVersion defines the versioned schema.', type: 'string', enum: ['apps/v1'] });
    expect(root.kind).toEqual({ type: 'string', enum: ['Widget'] });
    // The source document is left as it was (it is cached and shared).
    expect((schemas['apps.v1.Widget']!.properties as Record<string, object>).kind).toEqual({ type: 'string' });
  });

  it('finds core kinds by an empty group and prefers a component naming only that kind', () => {
    expect(componentFor(schemas, { group: '', version: 'v1', kind: 'DeleteOptions' })).toBe('meta.v1.DeleteOptions');
    const core = kindSchema({ ...schemas, 'core.v1.DeleteOptions': { 'x-kubernetes-group-version-kind': [{ group: '', kind: 'DeleteOptions', version: 'v1' }] } }, { group: '', version: 'v1', kind: 'DeleteOptions' });
    expect(core?.$ref).toBe('#/$defs/core.v1.DeleteOptions');
    expect((core?.$defs['core.v1.DeleteOptions'] as { properties: object }).properties).toEqual({ apiVersion: { type: 'string', enum: ['v1'] }, kind: { type: 'string', enum: ['DeleteOptions'] } });
  });

  it('closes objects that declare their properties, so a misspelt field is flagged', () => {
    expect(defs['apps.v1.WidgetSpec']).toMatchObject({ additionalProperties: false });
    expect(defs['apps.v1.Part']).toMatchObject({ additionalProperties: false });
    // A map keeps its value schema; the free-form and the reference wrappers stay open.
    expect(defs['apps.v1.WidgetSpec']!.properties.labels!.additionalProperties).toEqual({ type: 'string', default: '' });
    expect(defs['apps.v1.Widget']!.properties.spec).not.toHaveProperty('additionalProperties');
  });

  it('answers null for a kind the document does not declare', () => {
    expect(kindSchema(schemas, { group: 'apps', version: 'v1', kind: 'Gadget' })).toBeNull();
    expect(kindSchema(schemas, { group: 'apps', version: 'v2', kind: 'Widget' })).toBeNull();
  });
});
