import { z } from 'zod';

/** Bounds of the search text; outside them the API answers 400 SEARCH_QUERY_INVALID. */
export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 5;
export const SEARCH_LIMIT_MAX = 20;

/**
 * `q`: plain words match a name (or `namespace/name`) by case-insensitive substring, or a label key; terms with
 * label selector syntax (`app=web`, `tier!=db`, `env in (a,b)`, `!legacy`) match labels. All terms must match.
 * The length rules live in the service, not here, so a bad `q` carries its own code instead of VALIDATION_FAILED.
 */
export const SearchQuerySchema = z
  .strictObject({
    q: z.string().default(''),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  })
  .meta({ id: 'SearchQuery' });
export type SearchQuery = z.output<typeof SearchQuerySchema>;

const SearchClusterSchema = z.object({ id: z.string(), displayName: z.string() });

/** A registry kind; `group` is `core` for the core group, as in ObjectRef and console URLs. */
export const SearchKindSchema = z.object({
  group: z.string(),
  version: z.string(),
  resource: z.string(),
  kind: z.string(),
  namespaced: z.boolean(),
});
export type SearchKind = z.infer<typeof SearchKindSchema>;

export const SearchItemSchema = z.object({
  name: z.string(),
  namespace: z.string().nullable(),
  /** The object's labels that a label term (or a plain word naming a label key) matched; absent for name matches. */
  labels: z.record(z.string(), z.string()).optional(),
});
export type SearchItem = z.infer<typeof SearchItemSchema>;

/** Matches of one kind in one cluster: `total` counts every visible match, `items` the first `limit` of them. */
export const SearchGroupSchema = z.object({
  cluster: SearchClusterSchema,
  kind: SearchKindSchema,
  total: z.number().int(),
  items: z.array(SearchItemSchema),
});
export type SearchGroup = z.infer<typeof SearchGroupSchema>;

/**
 * What was not searched: a kind the caller may list nowhere (`forbidden`), a kind whose cache did not sync in
 * time (`timeout`), or a whole cluster that did not answer (`unreachable`, no kind). Never a count.
 */
export const SearchHiddenSchema = z.object({
  cluster: SearchClusterSchema,
  kind: SearchKindSchema.nullable(),
  reason: z.enum(['forbidden', 'timeout', 'unreachable']),
});
export type SearchHidden = z.infer<typeof SearchHiddenSchema>;

/** Groups are ordered by cluster (as the cluster list is), then by the kind registry's order. */
export const SearchResultSchema = z
  .object({
    groups: z.array(SearchGroupSchema),
    hidden: z.array(SearchHiddenSchema),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;
