import { SEARCH_QUERY_MAX, SEARCH_QUERY_MIN } from '@wheelhouse/shared';
import { AppError } from '../common/errors/app-error.js';
import type { KubernetesObject } from '../k8s/resource-ref.js';
import { parseLabelSelector } from '../resources/selectors.js';

type Labels = Record<string, string> | undefined;

/** How well an object matched: 0 a word equals its name, 1 its name starts with a word, 2 anything else. */
export type Hit = { rank: 0 | 1 | 2; labels: Record<string, string> | null };
export type Matcher = (o: KubernetesObject) => Hit | null;

// Same grammar as the list API's selectors (selectors.ts), found inside free text: `key in (a,b)` has spaces.
const SET_TERM = /([A-Za-z0-9](?:[A-Za-z0-9_.\-/]*[A-Za-z0-9])?)\s+(in|notin)\s+\([^)]*\)/g;
const KEY_OF = /^!?\s*([^=!\s]+)/;

type LabelTerm = { test: (labels: Labels) => boolean; key: string | null };

/**
 * Parses the palette's text once per request. Words with selector syntax (`app=web`, `a!=b`, `a in (x,y)`,
 * `!a`) are label requirements; other words match the name (or `namespace/name` when they hold a slash)
 * case-insensitively, or an exact label key. Every term must match. Throws SEARCH_QUERY_INVALID for a text
 * outside the length bounds and INVALID_LABEL_SELECTOR for broken selector syntax.
 */
export function parseSearchQuery(raw: string): Matcher {
  const q = raw.trim();
  if (q.length < SEARCH_QUERY_MIN || q.length > SEARCH_QUERY_MAX) {
    throw new AppError('SEARCH_QUERY_INVALID', `Search text must be ${SEARCH_QUERY_MIN} to ${SEARCH_QUERY_MAX} characters`);
  }
  const labelTerms: LabelTerm[] = [];
  const rest = q.replace(SET_TERM, (term: string, key: string, op: string) => {
    labelTerms.push({ test: parseLabelSelector(term), key: op === 'in' ? key : null });
    return ' ';
  });
  const words: string[] = [];
  for (const token of rest.split(/[\s,]+/).filter(Boolean)) {
    if (/[=!]/.test(token)) {
      const negative = token.startsWith('!') || token.includes('!=');
      labelTerms.push({ test: parseLabelSelector(token), key: negative ? null : (KEY_OF.exec(token)?.[1] ?? null) });
    } else words.push(token);
  }
  // Only `in (` leftovers or lone commas: nothing to search by.
  if (!labelTerms.length && !words.length) throw new AppError('SEARCH_QUERY_INVALID', 'Search text has no terms');
  const lowered = words.map((w) => w.toLowerCase());

  return (o) => {
    const labels = o.metadata?.labels;
    if (!labelTerms.every((t) => t.test(labels))) return null;
    const name = o.metadata?.name ?? '';
    const lname = name.toLowerCase();
    const matched: Record<string, string> = {};
    for (const t of labelTerms) if (t.key && labels?.[t.key] !== undefined) matched[t.key] = labels[t.key]!;
    let rank: Hit['rank'] = 2;
    for (let i = 0; i < words.length; i++) {
      const w = lowered[i]!;
      const hay = w.includes('/') ? `${o.metadata?.namespace ?? ''}/${lname}` : lname;
      if (hay.includes(w)) {
        if (lname === w) rank = 0;
        else if (rank > 1 && lname.startsWith(w)) rank = 1;
        continue;
      }
      const key = words[i]!;
      if (labels?.[key] === undefined) return null;
      matched[key] = labels[key];
    }
    return { rank, labels: Object.keys(matched).length ? matched : null };
  };
}
