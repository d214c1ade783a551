import { Validator, type ValidationError } from 'jsonschema';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';

/** A kind's JSON Schema as the API serves it (GET /api/clusters/:c/schemas/:group/:version/:kind). */
export type KindSchema = { $ref: string; $defs: Record<string, unknown> };
export type Position = { line: number; column: number };
export type ProblemCode = 'syntax' | 'type' | 'required' | 'enum' | 'unknownField' | 'format' | 'other';
/** One finding, placed in the text (1-based lines and columns, end exclusive), with what a translation needs. */
export type Problem = {
  start: Position;
  end: Position;
  severity: 'error' | 'warning';
  code: ProblemCode;
  path: string;
  params: Record<string, string>;
  message: string;
};
type Path = (string | number)[];

// jsonschema 1.5 interprets schemas without eval or new Function, so it runs under a CSP without 'unsafe-eval'.
const validator = new Validator();
// A hierarchical base for its $ref resolution (never fetched): without one, refs into $defs fail to resolve.
const SCHEMA_BASE = 'https://wheelhouse.invalid/kind-schema.json';

function parse(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, prettyErrors: true });
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return { doc, pos };
}

const pathText = (path: Path) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '.';

/**
 * Where a path sits in the text: the key for `key` marks (unknown or missing fields), the value otherwise. The
 * document root, or a path the text does not hold, falls back to the nearest node above it.
 */
function rangeOf(doc: Document, path: Path, key: boolean): [number, number] {
  for (let n = path.length; n >= 0; n--) {
    const at = path.slice(0, n);
    const parent = at.length ? doc.getIn(at.slice(0, -1), true) : null;
    if (at.length && isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(at[at.length - 1]));
      const node = (key || !pair?.value ? pair?.key : pair.value) as YamlNode | undefined;
      if (node?.range) return [node.range[0], node.range[1]];
    }
    const node = (at.length ? doc.getIn(at, true) : doc.contents) as YamlNode | undefined;
    if (node?.range) return [node.range[0], Math.min(node.range[1], node.range[0] + 200)];
  }
  return [0, 1];
}

function fromValidation(e: ValidationError): Omit<Problem, 'start' | 'end'> | null {
  const path = e.path;
  const base = { path: pathText(path), message: `${pathText(path)} ${e.message}`, severity: 'error' as const };
  // Kubernetes reads null as "not set": never a type error.
  if (e.name === 'type' && e.instance === null) return null;
  // Wrappers around a $ref ({ allOf: [{ $ref }] }) report again what their inner schema already reported.
  if (e.name === 'allOf') return null;
  switch (e.name) {
    case 'type':
      return { ...base, code: 'type', params: { expected: [e.argument].flat().join(' | ') } };
    case 'required':
      return { ...base, code: 'required', path: pathText([...path, String(e.argument)]), params: { field: String(e.argument) } };
    case 'enum':
      return { ...base, code: 'enum', params: { values: [e.argument].flat().map(String).join(', ') } };
    case 'additionalProperties':
      // The apiserver drops unknown fields (with a warning) rather than rejecting the object.
      return { ...base, severity: 'warning', code: 'unknownField', path: pathText([...path, String(e.argument)]), params: { field: String(e.argument) } };
    case 'format':
      return { ...base, code: 'format', params: { format: String(e.argument) } };
    default:
      return { ...base, code: 'other', params: { detail: base.message } };
  }
}

/**
 * Syntax problems, then (for a document that parses into an object) what the kind's schema says of it.
 * Unknown fields are warnings; everything else is an error the apiserver would also refuse.
 */
export function checkYaml(text: string, schema: KindSchema | null): Problem[] {
  const { doc, pos } = parse(text);
  const syntax = doc.errors.map((e): Problem => {
    const [from, to] = e.pos;
    return { start: pos(from), end: pos(Math.max(to, from + 1)), severity: 'error', code: 'syntax', path: '', params: { detail: e.message.split('\n')[0] ?? e.message }, message: e.message };
  });
  if (syntax.length || !schema) return syntax;
  const value: unknown = doc.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const { errors } = validator.validate(value, schema, { nestedErrors: true, base: SCHEMA_BASE });
  const problems: Problem[] = [];
  for (const e of errors) {
    const p = fromValidation(e);
    if (!p) continue;
    const field = e.name === 'required' || e.name === 'additionalProperties';
    const at = e.name === 'additionalProperties' ? [...e.path, String(e.argument)] : e.path;
    const [from, to] = rangeOf(doc, at, field);
    problems.push({ ...p, start: pos(from), end: pos(to) });
  }
  return problems;
}

type SchemaNode = Record<string, unknown>;
const isObject = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema node with its $ref and single-entry allOf wrappers followed; the outermost description wins. */
function resolve(node: unknown, defs: Record<string, unknown>, description?: string): { node: SchemaNode; description?: string } | null {
  for (let hops = 0; isObject(node) && hops < 32; hops++) {
    description ??= typeof node.description === 'string' ? node.description : undefined;
    const ref = typeof node.$ref === 'string' ? node.$ref : Array.isArray(node.allOf) && node.allOf.length === 1 && isObject(node.allOf[0]) ? node.allOf[0].$ref : undefined;
    if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return { node, description };
    node = defs[ref.slice('#/$defs/'.length)];
  }
  return null;
}

function childSchema(node: SchemaNode, step: string | number): unknown {
  if (typeof step === 'number') return node.items;
  const properties = isObject(node.properties) ? node.properties : {};
  return Object.hasOwn(properties, step) ? properties[step] : isObject(node.additionalProperties) ? node.additionalProperties : undefined;
}

/** The path of the key or value under a text position. */
function pathAt(doc: Document, offset: number): Path | null {
  const path: Path = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as YamlNode | null;
        const v = p.value as YamlNode | null;
        const end = v?.range?.[2] ?? k?.range?.[2] ?? -1;
        return k?.range != null && offset >= k.range[0] && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) return path.length ? path : null;
      path.push(String(pair.key.value));
      const k = pair.key.range!;
      if (offset <= k[1]) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => {
        const r = (item as YamlNode | null)?.range;
        return r != null && offset >= r[0] && offset <= r[2];
      });
      if (i < 0) return path.length ? path : null;
      path.push(i);
      node = node.items[i];
    } else {
      return path.length ? path : null;
    }
  }
}

/** What the schema says of the field under the cursor (for hovers): its path, type and description. */
export function describeAt(text: string, at: Position, schema: KindSchema): { path: string; type?: string; description?: string } | null {
  const { doc } = parse(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (lineStarts[at.line - 1] ?? text.length) + at.column - 1;
  const path = pathAt(doc, offset);
  if (!path) return null;
  let here = resolve(schema, schema.$defs);
  for (const step of path) {
    if (!here) return null;
    here = resolve(childSchema(here.node, step), schema.$defs);
  }
  if (!here) return null;
  const type = [here.node.type].flat().filter(Boolean).join(' | ') || undefined;
  return { path: pathText(path), type, description: here.description };
}
