import { z } from 'zod';

export const AUDIT_RESULTS = ['success', 'failure', 'allowed', 'denied', 'error'] as const;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    time: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string().nullable(), viaToken: z.boolean() }),
    action: z.string(),
    target: z.object({
      type: z.string().nullable(),
      id: z.string().nullable(),
      name: z.string().nullable(),
      cluster: z.string().nullable(),
      namespace: z.string().nullable(),
    }),
    result: z.string(),
    status: z.number().nullable(),
    requestId: z.string().nullable(),
    clientIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z
  .strictObject({
    actor: z.string().trim().max(256).optional(),
    action: z.string().trim().max(128).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    cluster: z.string().trim().max(253).optional(),
    namespace: z.string().trim().max(253).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** Opaque cursor from the previous page (events are returned newest first). */
    cursor: z.string().regex(/^\d+$/).optional(),
  })
  .meta({ id: 'AuditQuery' });
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;
