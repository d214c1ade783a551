import { arr, rec, text } from './read.js';
import type { ColumnDef, ColumnType, K8sObject, PrinterColumn } from './types.js';

type Step = { field: string } | { index: number } | { where: string; equals: string } | { all: true };

/**
 * Parses the subset of Kubernetes JSONPath that CRD printer columns use: `.a.b`, `['x.y']`, `[0]`, `[*]` and
 * `[?(@.type=="Ready")]`. Hand-written because JSONPath libraries speak a different dialect (kubectl's) and the
 * common one evaluates script expressions; this never evaluates anything. Unsupported syntax yields null.
 */
export function parseJsonPath(path: string): Step[] | null {
  const steps: Step[] = [];
  const src = path.trim().replace(/^\{(.*)\}$/, '$1');
  const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\*\]|\['([^']+)'\]|\[\?\(@\.([A-Za-z0-9_-]+)\s*==\s*["']([^"']*)["']\)\]/y;
  let at = 0;
  while (at < src.length) {
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) return null;
    if (m[1] !== undefined) steps.push({ field: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ field: m[3] });
    else if (m[4] !== undefined) steps.push({ where: m[4], equals: m[5] ?? '' });
    else steps.push({ all: true });
    at = re.lastIndex;
  }
  return steps;
}

export function evaluate(o: unknown, steps: Step[]): unknown[] {
  let values: unknown[] = [o];
  for (const step of steps) {
    values = values.flatMap((v): unknown[] => {
      if ('field' in step) return v && typeof v === 'object' && step.field in v ? [rec(v)[step.field]] : [];
      if ('index' in step) return Array.isArray(v) && step.index < v.length ? [v[step.index]] : [];
      if ('all' in step) return Array.isArray(v) ? v : [];
      return arr(v).filter((x) => text(rec(x)[step.where]) === step.equals);
    });
  }
  return values;
}

const TYPES: Record<string, ColumnType> = { integer: 'number', number: 'number', date: 'age' };

/** A sort path the list API accepts, when the JSONPath is plain fields. */
const sortPath = (steps: Step[]) => (steps.every((s) => 'field' in s && /^[A-Za-z0-9_]+$/.test(s.field)) ? steps.map((s) => (s as { field: string }).field).join('.') : undefined);

/** CRD columns: priority > 0 ones start hidden, like `kubectl get` without `-o wide`. */
export function printerColumns(columns: PrinterColumn[]): ColumnDef[] {
  return columns
    .filter((c) => c.jsonPath !== '.metadata.creationTimestamp') // the age column is always there
    .map((c, i) => {
      const steps = parseJsonPath(c.jsonPath) ?? [];
      const type = TYPES[c.type] ?? 'text';
      return {
        key: `printer-${i}`,
        title: c.name,
        type,
        sort: sortPath(steps),
        optional: (c.priority ?? 0) > 0,
        value: (o: K8sObject) => {
          const found = steps.length ? evaluate(o, steps) : [];
          if (found.length === 0) return null;
          if (type === 'number' && typeof found[0] === 'number') return found[0];
          return found.map(text).join(', ');
        },
      };
    });
}
