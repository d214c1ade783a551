import type { K8sObject } from './types.js';

/** Reads a dotted path (`status.phase`) from an object; anything missing is undefined. */
export function pick(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Any value as display text (objects as JSON). */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === undefined || v === null ? '' : JSON.stringify(v);
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const keysOf = (v: unknown): number => Object.keys(rec(v)).length;

/** `status.conditions[type=<type>].status`: 'True' | 'False' | 'Unknown' | undefined. */
export function condition(o: K8sObject, type: string, path = 'status.conditions'): { status?: string; reason?: string; message?: string } | undefined {
  const c = arr(pick(o, path)).find((x) => pick(x, 'type') === type);
  return c ? { status: text(pick(c, 'status')), reason: text(pick(c, 'reason')), message: text(pick(c, 'message')) } : undefined;
}

/** `app=web,tier=front` from a matchLabels map (or a Service's selector map). */
export function selectorText(v: unknown): string {
  const labels = rec(pick(v, 'matchLabels'));
  const own = Object.keys(labels).length ? labels : rec(v);
  const parts = Object.entries(own)
    .filter(([, value]) => typeof value === 'string')
    .map(([k, value]) => `${k}=${text(value)}`);
  const expressions = arr(pick(v, 'matchExpressions')).map(
    (e) => `${text(pick(e, 'key'))} ${text(pick(e, 'operator'))} (${arr(pick(e, 'values')).map(text).join(',')})`,
  );
  return [...parts, ...expressions].join(', ');
}
