import type { ComponentSchemas } from '../k8s/openapi-v3.js';

export type Gvk = { group: string; version: string; kind: string };
type Json = unknown;
/** A self-contained JSON Schema: the kind's definition and only the definitions reachable from it. */
export type KindSchema = { $ref: string; $defs: Record<string, Json> };

const COMPONENT_REF = '#/components/schemas/';
// Keywords whose value is a map of names to schemas, one schema, or a list of schemas. Everything else is data
// (`default`, `enum`, `example`) or a plain keyword and is copied as is: a property may well be named `$ref`.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', 'definitions', '$defs']);
const SCHEMA_ONE = new Set(['items', 'additionalItems', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The component that declares the kind in `x-kubernetes-group-version-kind` (`group` is '' for core). Shared
 * types such as DeleteOptions list many kinds; a component naming only this one wins over them.
 */
export function componentFor(schemas: ComponentSchemas, gvk: Gvk): string | undefined {
  let shared: string | undefined;
  for (const [key, schema] of Object.entries(schemas)) {
    const gvks = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    const matches = gvks.some((g: unknown) => isObject(g) && (g.group ?? '') === gvk.group && g.version === gvk.version && g.kind === gvk.kind);
    if (!matches) continue;
    if (gvks.length === 1) return key;
    shared ??= key;
  }
  return shared;
}

/**
 * The kind's schema for an editor: `{ $ref: '#/$defs/<key>', $defs }` with only the reachable definitions, refs
 * rewritten from `#/components/schemas/`, descriptions kept (hover docs), `x-kubernetes-*` extensions turned into
 * JSON Schema where they mean something (int-or-string, preserve-unknown-fields) and dropped otherwise, objects with
 * declared properties closed, OpenAPI's `nullable` turned into a `null` type, and `apiVersion`/`kind` pinned.
 * Null when the document does not declare the kind.
 */
export function kindSchema(schemas: ComponentSchemas, gvk: Gvk): KindSchema | null {
  const root = componentFor(schemas, gvk);
  if (!root) return null;
  const defs = new Map<string, Json>();
  const pending = [root];
  while (pending.length) {
    const key = pending.pop()!;
    if (defs.has(key)) continue;
    const source = Object.hasOwn(schemas, key) ? schemas[key] : undefined;
    // A dangling reference accepts anything rather than failing the whole document.
    defs.set(key, source ? convert(source, (ref) => pending.push(ref)) : {});
  }
  const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
  defs.set(root, pin(defs.get(root) as Record<string, Json>, { apiVersion, kind: gvk.kind }));
  return { $ref: `#/$defs/${root}`, $defs: Object.fromEntries(defs) };
}

function convert(schema: Json, reach: (component: string) => void): Json {
  if (!isObject(schema)) return schema; // boolean schemas
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-')) continue;
    if (k === '$ref') {
      if (typeof v === 'string' && v.startsWith(COMPONENT_REF)) {
        const name = v.slice(COMPONENT_REF.length);
        reach(name);
        out.$ref = `#/$defs/${name}`;
      }
      // Any other reference points outside the document: dropped, so the node accepts anything.
      continue;
    }
    if (SCHEMA_MAPS.has(k) && isObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, convert(s, reach)]));
    } else if (SCHEMA_ONE.has(k)) {
      out[k] = Array.isArray(v) ? v.map((s) => convert(s, reach)) : convert(v, reach);
    } else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) {
      out[k] = v.map((s) => convert(s, reach));
    } else if (k !== 'nullable') {
      out[k] = v;
    }
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  // A CRD's int-or-string field may carry only the extension: it takes either, as the apiserver does.
  if (schema['x-kubernetes-int-or-string'] === true && out.type === undefined && out.anyOf === undefined && out.oneOf === undefined) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  // Closed objects, so a misspelt field is flagged (the apiserver drops unknown fields). Kept open where the kind
  // says unknown fields are preserved (CRDs' free-form parts, embedded resources).
  if (isObject(out.properties) && out.additionalProperties === undefined && schema['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

/** The only values the apiserver accepts for this endpoint; the editor then flags a wrong one. */
function pin(def: Record<string, Json>, fixed: { apiVersion: string; kind: string }): Record<string, Json> {
  const properties = isObject(def.properties) ? { ...def.properties } : {};
  for (const [name, value] of Object.entries(fixed)) {
    const own = properties[name];
    properties[name] = { ...(isObject(own) ? own : { type: 'string' }), enum: [value] };
  }
  return { ...def, properties };
}
