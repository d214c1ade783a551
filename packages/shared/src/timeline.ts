import { z } from 'zod';
import { ObjectQuerySchema } from './relations.js';

/** The object whose timeline is asked for. */
export const TimelineQuerySchema = ObjectQuerySchema.extend({
  /** Most items returned after merging; each source is read up to this many too. */
  limit: z.coerce.number().int().min(1).max(500).default(200),
}).meta({ id: 'TimelineQuery' });
export type TimelineQuery = z.output<typeof TimelineQuerySchema>;

/** A Kubernetes event about the object, as kept by the console's event recorder; `time` is its last occurrence. */
export const TimelineEventSchema = z.object({
  kind: z.literal('event'),
  time: z.string(),
  id: z.string(),
  type: z.string().nullable(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  count: z.number().int(),
  firstTime: z.string().nullable(),
  lastTime: z.string(),
  /** The reporting controller (or the legacy event source component). */
  source: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** A ReplicaSet (Deployments) or ControllerRevision (StatefulSets, DaemonSets); `time` is its creation. */
export const TimelineRevisionSchema = z.object({
  kind: z.literal('revision'),
  time: z.string(),
  revision: z.number().int(),
  resource: z.enum(['replicasets', 'controllerrevisions']),
  name: z.string(),
  images: z.array(z.object({ container: z.string(), image: z.string() })),
  /** The kubernetes.io/change-cause annotation, when someone set one. */
  changeCause: z.string().nullable(),
  /** The revision the object's spec stands at now. */
  current: z.boolean(),
});
export type TimelineRevision = z.infer<typeof TimelineRevisionSchema>;

/**
 * A write to the object through the console (REST API or kubectl proxy), dry runs excluded: who, what, when and
 * how it ended — never the request's details, address or user agent. `action` is e.g. `k8s.apply`, `proxy.patch`.
 */
export const TimelineAuditSchema = z.object({
  kind: z.literal('audit'),
  time: z.string(),
  id: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  /** `scale`, `status`, `exec`… when the write went to a subresource. */
  subresource: z.string().nullable(),
  result: z.enum(['allowed', 'denied', 'error', 'success', 'failure']),
  status: z.number().int().nullable(),
});
export type TimelineAudit = z.infer<typeof TimelineAuditSchema>;

export const TimelineItemSchema = z.discriminatedUnion('kind', [
  TimelineEventSchema,
  TimelineRevisionSchema,
  TimelineAuditSchema,
]);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;
export type TimelineItemKind = TimelineItem['kind'];

/** A source the caller may not list where it is kept: nothing of it is returned or counted. */
export const TimelineHiddenSchema = z.object({ group: z.string(), resource: z.string() });
export type TimelineHidden = z.infer<typeof TimelineHiddenSchema>;

/**
 * Newest first. Known limitations: revision times are creation times, so a rollback to an old ReplicaSet shows
 * at that ReplicaSet's creation; console audit entries match by name, so they include an earlier object of the
 * same name; events recorded before the recorder ran for the cluster are missing.
 */
export const TimelineSchema = z
  .object({
    items: z.array(TimelineItemSchema),
    hidden: z.array(TimelineHiddenSchema),
  })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof TimelineSchema>;
