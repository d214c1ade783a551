import { AppError } from '../common/errors/app-error.js';

type Labels = Record<string, string> | undefined;
type Requirement = (labels: Labels) => boolean;

const KEY = String.raw`[A-Za-z0-9]([A-Za-z0-9_.\-/]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([A-Za-z0-9_.\-]*[A-Za-z0-9])?)?`;
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(([^)]*)\)$`);
const EQ = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const EXISTS = new RegExp(String.raw`^(!?)(${KEY})$`);

/**
 * Kubernetes label selector syntax (`a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`), evaluated against
 * cached objects. Written by hand because no maintained npm package implements it; the grammar is small.
 */
export function parseLabelSelector(selector: string): (labels: Labels) => boolean {
  const requirements = splitTopLevel(selector).map(parseRequirement);
  return (labels) => requirements.every((r) => r(labels));
}

function parseRequirement(raw: string): Requirement {
  const part = raw.trim();
  let m = SET.exec(part);
  if (m) {
    const key = m[1]!;
    const values = new Set(m[4]!.split(',').map((v) => v.trim()).filter(Boolean));
    return m[3] === 'in' ? (l) => l?.[key] !== undefined && values.has(l[key]) : (l) => l?.[key] === undefined || !values.has(l[key]);
  }
  m = EQ.exec(part);
  if (m) {
    const key = m[1]!;
    const value = m[4] ?? '';
    return m[3] === '!=' ? (l) => l?.[key] !== value : (l) => l?.[key] === value;
  }
  m = EXISTS.exec(part);
  if (m) {
    const key = m[2]!;
    return m[1] ? (l) => l?.[key] === undefined : (l) => l?.[key] !== undefined;
  }
  throw new AppError('INVALID_LABEL_SELECTOR', `Invalid label selector: ${part}`);
}

/** Splits on commas outside parentheses. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.filter((p) => p.trim());
}

/** Field selectors: `path=value` / `path!=value` over any dotted path (the apiserver supports fewer; we serve more). */
export function parseFieldSelector(selector: string): (obj: unknown) => boolean {
  const reqs = splitTopLevel(selector).map((raw) => {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(raw);
    if (!m) throw new AppError('INVALID_FIELD_SELECTOR', `Invalid field selector: ${raw.trim()}`);
    const [, path, op, value] = m;
    return (obj: unknown) => {
      const actual = valueAt(obj, path!);
      const text = typeof actual === 'string' ? actual : actual === undefined || actual === null ? '' : JSON.stringify(actual);
      return op === '!=' ? text !== value : text === value;
    };
  });
  return (obj) => reqs.every((r) => r(obj));
}

export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
