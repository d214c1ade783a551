'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditPageSchema } from '@wheelhouse/shared';
import { apiRequest } from '@/lib/api-client';
import { auditPath, type AuditFilter } from './query';

/** Newest first, one page at a time: each page's nextCursor asks for the events just older than it. */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) => apiRequest(auditPath(filter, pageParam), AuditPageSchema, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}
