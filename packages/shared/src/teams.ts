import { z } from 'zod';

export const TeamNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff ._-]*$/, 'letters, digits, CJK, space . _ -');

export const TeamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    members: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
    groupLinks: z.array(z.object({ provider: z.string(), group: z.string() })),
    createdAt: z.string(),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof TeamSchema>;

export const CreateTeamRequestSchema = z
  .strictObject({ name: TeamNameSchema, description: z.string().trim().max(500).default('') })
  .meta({ id: 'CreateTeamRequest' });
export type CreateTeamRequest = z.output<typeof CreateTeamRequestSchema>;

export const UpdateTeamRequestSchema = z
  .strictObject({ name: TeamNameSchema.optional(), description: z.string().trim().max(500).optional() })
  .meta({ id: 'UpdateTeamRequest' });
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequestSchema>;

export const TeamMemberRequestSchema = z.strictObject({ userId: z.uuid() }).meta({ id: 'TeamMemberRequest' });

export const TeamGroupLinkRequestSchema = z
  .strictObject({ provider: z.string().trim().min(1).max(253), group: z.string().trim().min(1).max(1024) })
  .meta({ id: 'TeamGroupLinkRequest' });
export type TeamGroupLinkRequest = z.infer<typeof TeamGroupLinkRequestSchema>;
