import { z } from 'zod';
import { ERROR_CODES } from './errors.js';

/** A manifest of at most 1 MiB and 100 documents (`---`-separated), as `kubectl create -f` takes. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_MANIFEST_DOCUMENTS = 100;

export const ManifestRequestSchema = z.strictObject({ yaml: z.string().min(1).max(MAX_MANIFEST_BYTES) }).meta({ id: 'ManifestRequest' });
export type ManifestRequest = z.infer<typeof ManifestRequestSchema>;

/** `dryRun=All` validates every document on the apiserver and creates nothing; `namespace` is the default one. */
export const ManifestQuerySchema = z
  .strictObject({
    dryRun: z.enum(['All', '']).optional(),
    namespace: z.string().trim().max(253).optional(),
  })
  .meta({ id: 'ManifestQuery' });
export type ManifestQuery = z.output<typeof ManifestQuerySchema>;

/** The outcome of one document; `kind`/`name` are null when the document could not be read that far. */
export const ManifestResultSchema = z.object({
  index: z.number().int(),
  kind: z.string().nullable(),
  name: z.string().nullable(),
  namespace: z.string().nullable(),
  /** Where the object lives, for a link to it (`core` for the core group); null when unresolved. */
  group: z.string().nullable(),
  version: z.string().nullable(),
  resource: z.string().nullable(),
  ok: z.boolean(),
  code: z.enum(ERROR_CODES).optional(),
  /** Our own text or a Kubernetes Status message; never other upstream text. */
  message: z.string().optional(),
});
export type ManifestResult = z.infer<typeof ManifestResultSchema>;

export const ManifestResponseSchema = z.object({ results: z.array(ManifestResultSchema) }).meta({ id: 'ManifestResponse' });
export type ManifestResponse = z.infer<typeof ManifestResponseSchema>;
