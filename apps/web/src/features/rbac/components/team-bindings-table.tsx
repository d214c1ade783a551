'use client';
import { useBindings } from '../api';
import { BindingsTable } from './bindings-table';

/** The roles bound to one team, for the team drawer (composed in the teams route, not imported by teams). */
export function TeamBindingsTable({ teamId }: { teamId: string }) {
  const bindings = useBindings({ subjectKind: 'team', subjectId: teamId });
  return <BindingsTable bindings={bindings.data?.items} loading={bindings.isPending} error={bindings.error} />;
}
