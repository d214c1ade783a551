'use client';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import type { KindSchema, Problem } from './schema-check';

/** Which schema an editor validates against: the kind of the object it holds, in its cluster. */
export type YamlSchemaRef = { cluster: string; apiVersion: string; kind: string };

const KindSchemaSchema = z.object({ $ref: z.string(), $defs: z.record(z.string(), z.unknown()) });

/**
 * The kind's JSON Schema from the cluster's OpenAPI v3 document (the API trims it to the kind). A kind the cluster
 * publishes no schema for, or one the user may not read, leaves the editor checking syntax only.
 */
export function useKindSchema(ref: YamlSchemaRef | undefined) {
  const [group, version] = ref?.apiVersion.includes('/') ? ref.apiVersion.split('/', 2) : ['core', ref?.apiVersion ?? ''];
  const path = ref && `/api/clusters/${encodeURIComponent(ref.cluster)}/schemas/${encodeURIComponent(group!)}/${encodeURIComponent(version!)}/${encodeURIComponent(ref.kind)}`;
  return useQuery({
    queryKey: ['kind-schema', ref?.cluster, ref?.apiVersion, ref?.kind],
    queryFn: ({ signal }) => apiRequest(path!, KindSchemaSchema, { signal }) as Promise<KindSchema>,
    enabled: Boolean(ref?.cluster && ref.kind && version),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

/** A problem in the user's language; the checker's English text when there is no message for its code. */
export function useProblemText() {
  const t = useTranslations('yaml.problems');
  return useCallback((p: Problem) => (t.has(p.code) ? t(p.code, p.params) : p.message), [t]);
}
