import { z } from 'zod';
import { ObjectRefSchema } from './resources.js';

/**
 * How a related object stands to the one asked about: `owner`/`owned` follow metadata.ownerReferences,
 * `selects`/`selected-by` label selectors (pods), `uses`/`used-by` references by name (volumes, env, roleRef…).
 */
export const RELATIONS = ['owner', 'owned', 'selects', 'selected-by', 'uses', 'used-by'] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;

/** Most objects listed per relation; `truncated` says when a relation had more. */
export const MAX_RELATED_PER_RELATION = 200;

const Segment = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/)
  .max(253);

/** One object, as the views around it (relations, timeline) are asked for; `group` is `core` for the core group. */
export const ObjectQuerySchema = z.strictObject({
  group: Segment,
  version: Segment,
  resource: Segment,
  namespace: z.string().min(1).max(253).optional(),
  name: z.string().min(1).max(253),
});

export const RelationsQuerySchema = ObjectQuerySchema.meta({ id: 'RelationsQuery' });
export type RelationsQuery = z.output<typeof RelationsQuerySchema>;

export const RelatedObjectSchema = z.object({
  relation: RelationSchema,
  ref: ObjectRefSchema,
  kind: z.string(),
  /** A short state (Running, 2/3, Bound, Ready…); `Missing` when the object is referenced but does not exist. */
  status: z.string().optional(),
});
export type RelatedObject = z.infer<typeof RelatedObjectSchema>;

/** A related kind the caller may not list where it would be read: nothing of it is returned or counted. */
export const HiddenRelationSchema = z.object({
  relation: RelationSchema,
  group: z.string(),
  resource: z.string(),
});
export type HiddenRelation = z.infer<typeof HiddenRelationSchema>;

/**
 * Known limitations: reverse lookups of namespaced objects scan their own namespace (plus cluster-scoped kinds),
 * so a RoleBinding in another namespace naming a ServiceAccount is not found from the ServiceAccount.
 */
export const RelationsSchema = z
  .object({
    items: z.array(RelatedObjectSchema),
    hidden: z.array(HiddenRelationSchema),
    truncated: z.boolean(),
  })
  .meta({ id: 'Relations' });
export type Relations = z.infer<typeof RelationsSchema>;
