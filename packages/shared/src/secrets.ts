import { z } from 'zod';

/**
 * What the console API puts in place of every Secret value it serves (list, GET, live events). Not valid base64,
 * so a masked object written back is refused rather than stored; the API refuses it first (SECRET_MASKED).
 */
export const SECRET_MASK = '<masked>';

/** `POST …/secrets/:name/reveal`: the Secret's `data`, base64 as Kubernetes stores it. Audited. */
export const SecretRevealSchema = z.object({ data: z.record(z.string(), z.string()) }).meta({ id: 'SecretReveal' });
export type SecretReveal = z.infer<typeof SecretRevealSchema>;
