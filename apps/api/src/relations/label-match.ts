import { at } from '../overview/overview-math.js';

export type LabelMatch = (labels: Record<string, string>) => boolean;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A metav1.LabelSelector (matchLabels AND matchExpressions). As in Kubernetes, an empty selector matches every
 * object and an absent one (or one with an unknown operator) matches nothing: null.
 */
export function labelSelector(sel: unknown): LabelMatch | null {
  if (sel === null || typeof sel !== 'object') return null;
  const tests: LabelMatch[] = [];
  const matchLabels = at(sel, 'matchLabels');
  if (matchLabels && typeof matchLabels === 'object') {
    for (const [k, v] of Object.entries(matchLabels)) tests.push((l) => l[k] === v);
  }
  const expressions = at(sel, 'matchExpressions');
  for (const e of Array.isArray(expressions) ? expressions : []) {
    const key = at(e, 'key');
    if (typeof key !== 'string') return null;
    const values = new Set(strings(at(e, 'values')));
    switch (at(e, 'operator')) {
      case 'In':
        tests.push((l) => l[key] !== undefined && values.has(l[key]));
        break;
      case 'NotIn':
        tests.push((l) => l[key] === undefined || !values.has(l[key]));
        break;
      case 'Exists':
        tests.push((l) => l[key] !== undefined);
        break;
      case 'DoesNotExist':
        tests.push((l) => l[key] === undefined);
        break;
      default:
        return null;
    }
  }
  return (labels) => tests.every((t) => t(labels));
}

/** A Service's spec.selector: a plain map; empty or absent selects nothing (the endpoints are managed by hand). */
export function mapSelector(sel: unknown): LabelMatch | null {
  if (sel === null || typeof sel !== 'object' || Object.keys(sel).length === 0) return null;
  return labelSelector({ matchLabels: sel });
}
