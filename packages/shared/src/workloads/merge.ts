import { z } from 'zod';
import { formMeta, type FormMeta } from './form-meta.js';

/**
 * The generic half of the form model: a form schema (zod) read as a map of what the form owns.
 * `project` reads a live object into the form's shape; `merge` writes a form value back onto a live object.
 *
 * `merge` writes a leaf only where the form's value differs from what `project` reads there, and rebuilds objects
 * and lists around the live ones, so whatever the form does not model stays as it was: keys outside a strict
 * object, items' unmodelled fields (items are matched by identity, not position), `null`s, `{}`s, `cpu: 1` written
 * as a number. Without a live object it writes a clean one: no empty objects, lists or maps, no nulls.
 */

type Obj = Record<string, unknown>;
type Identity = (item: unknown) => readonly (string | undefined)[];
type Node =
  | { t: 'object'; shape: Record<string, z.ZodType>; meta: FormMeta }
  | { t: 'carried'; meta: FormMeta }
  | { t: 'list'; element: z.ZodType; meta: FormMeta }
  | { t: 'map'; value: z.ZodType; meta: FormMeta }
  | { t: 'scalar'; accepts: (v: unknown) => boolean; meta: FormMeta };

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional) s = (s as z.ZodOptional<z.ZodType>).unwrap();
  return s;
}

function accepts(schema: z.ZodType): (v: unknown) => boolean {
  const s = unwrap(schema);
  if (s instanceof z.ZodString || s instanceof z.ZodEnum) return (v) => typeof v === 'string';
  if (s instanceof z.ZodNumber) return (v) => typeof v === 'number' && Number.isFinite(v);
  if (s instanceof z.ZodBoolean) return (v) => typeof v === 'boolean';
  if (s instanceof z.ZodLiteral) {
    const types = new Set([...s.values].map((x) => typeof x));
    return (v) => types.has(typeof v);
  }
  if (s instanceof z.ZodUnion) {
    const options = (s as z.ZodUnion<z.ZodType[]>).options.map(accepts);
    return (v) => options.some((ok) => ok(v));
  }
  throw new Error(`form schema: no mapping for a ${s.def.type} node`);
}

const NODES = new WeakMap<z.ZodType, Node>();

function classify(schema: z.ZodType): Node {
  const s = unwrap(schema);
  const cached = NODES.get(s);
  if (cached) return cached;
  const meta = formMeta.get(s) ?? {};
  let node: Node;
  if (s instanceof z.ZodObject) {
    const catchall = s.def.catchall;
    if (catchall instanceof z.ZodUnknown) node = { t: 'carried', meta };
    else if (catchall instanceof z.ZodNever) node = { t: 'object', shape: s.shape, meta };
    // A stripping z.object would silently drop live fields on the web's parse: say which one is meant.
    else throw new Error('form schema: use z.strictObject (merged) or z.looseObject (carried whole)');
  } else if (s instanceof z.ZodArray) node = { t: 'list', element: (s as z.ZodArray<z.ZodType>).element, meta };
  else if (s instanceof z.ZodRecord) node = { t: 'map', value: s.valueType as z.ZodType, meta };
  else if (s instanceof z.ZodUnknown) node = { t: 'carried', meta };
  else node = { t: 'scalar', accepts: accepts(s), meta };
  NODES.set(s, node);
  return node;
}

const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : isObj(v) && Object.keys(v).length === 0);

/** A JSON copy without nulls: in Kubernetes JSON a null is an absent field. */
function withoutNulls(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(withoutNulls).filter((x) => x !== undefined);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const c = withoutNulls(x);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/** A copy of a JSON value (manifests and forms are JSON: no dates, maps or cycles). */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) out[k] = cloneJson(x);
  return out as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isObj(a) || !isObj(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The form's view of `src`; list items keep even when empty (an item is an entity, `{}` included). */
export function project(schema: z.ZodType, src: unknown, asItem = false): unknown {
  const n = classify(schema);
  switch (n.t) {
    case 'scalar':
      if (n.meta.numberAsString && typeof src === 'number' && Number.isFinite(src)) return String(src);
      return n.accepts(src) ? src : undefined;
    case 'carried': {
      const v = withoutNulls(src);
      return isEmpty(v) && !(n.meta.marker || asItem) ? undefined : v;
    }
    case 'object': {
      if (!isObj(src)) return undefined;
      const out: Obj = {};
      for (const [k, child] of Object.entries(n.shape)) {
        const v = project(child, src[k]);
        if (v !== undefined) out[k] = v;
      }
      return Object.keys(out).length > 0 || n.meta.marker || asItem ? out : undefined;
    }
    case 'list': {
      if (!Array.isArray(src)) return undefined;
      const items = src.map((item) => project(n.element, item, true)).filter((item) => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    case 'map': {
      if (!isObj(src)) return undefined;
      const out: Obj = {};
      for (const [k, x] of Object.entries(src)) {
        if (n.meta.hidden?.(k)) continue;
        const v = project(n.value, x);
        if (v !== undefined) out[k] = v;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
  }
}

/** `base` with the form's `value` written in; `undefined` means "leave out". Inputs are not modified. */
export function merge(schema: z.ZodType, base: unknown, value: unknown, asItem = false): unknown {
  const n = classify(schema);
  switch (n.t) {
    case 'scalar':
    case 'carried':
      return deepEqual(project(schema, base, asItem), value) ? base : value;
    case 'object':
      return mergeObject(n, schema, base, value, asItem);
    case 'list':
      return mergeList(n, schema, base, value);
    case 'map':
      return mergeMap(n, schema, base, value);
  }
}

function mergeObject(
  n: Extract<Node, { t: 'object' }>,
  schema: z.ZodType,
  base: unknown,
  value: unknown,
  asItem: boolean,
): unknown {
  // Nothing the form sees and nothing it sets: a live `{}`, `null` or object of unmodelled keys stays as it is.
  if (value === undefined && project(schema, base, asItem) === undefined) return base;
  const v = isObj(value) ? value : {};
  const out: Obj = isObj(base) ? { ...base } : {};
  for (const [k, child] of Object.entries(n.shape)) {
    const before = out[k];
    const aliases = n.meta.aliases?.[k] ?? [];
    if (aliases.length > 0 && !deepEqual(project(child, before), v[k])) for (const alias of aliases) delete out[alias];
    const r = merge(child, before, v[k]);
    if (r === undefined) delete out[k];
    else out[k] = r;
  }
  const picked = (n.meta.oneOf ?? []).filter((k) => v[k] !== undefined);
  if (picked.length > 0) for (const k of n.meta.oneOf ?? []) if (!picked.includes(k)) delete out[k];
  return Object.keys(out).length > 0 || (value !== undefined && (n.meta.marker || asItem)) ? out : undefined;
}

function mergeList(n: Extract<Node, { t: 'list' }>, schema: z.ZodType, base: unknown, value: unknown): unknown {
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  if (items.length === 0) return project(schema, base) === undefined ? base : undefined;
  const pool = Array.isArray(base) ? (base as unknown[]) : [];
  const identity = (n.meta.identity as Identity | undefined) ?? ((item: unknown) => [stableJson(item)]);
  const byKey = new Map<string, number[]>();
  pool.forEach((raw, i) => {
    const view = project(n.element, raw, true);
    if (view === undefined) return;
    for (const key of identity(view)) if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const used = new Set<number>();
  return items.map((item) => {
    let match: number | undefined;
    for (const key of identity(item)) {
      match = key === undefined ? undefined : byKey.get(key)?.find((i) => !used.has(i));
      if (match !== undefined) break;
    }
    if (match !== undefined) used.add(match);
    return merge(n.element, match === undefined ? undefined : pool[match], item, true);
  });
}

function mergeMap(n: Extract<Node, { t: 'map' }>, schema: z.ZodType, base: unknown, value: unknown): unknown {
  if (value === undefined && project(schema, base) === undefined) return base;
  const v = isObj(value) ? value : {};
  const out: Obj = isObj(base) ? { ...base } : {};
  for (const k of Object.keys(out)) {
    if (n.meta.hidden?.(k) || Object.hasOwn(v, k)) continue;
    if (project(n.value, out[k]) !== undefined) delete out[k];
  }
  for (const [k, x] of Object.entries(v)) {
    const r = merge(n.value, out[k], x);
    if (r === undefined) delete out[k];
    else out[k] = r;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
