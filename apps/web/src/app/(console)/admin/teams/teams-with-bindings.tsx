'use client';
import { TeamBindingsTable } from '@/features/rbac/components/team-bindings-table';
import { TeamsPage } from '@/features/teams/components/teams-page';

// Client-side composition: the page hands teams a render slot (a function cannot cross the server boundary).
export function TeamsWithBindings() {
  return <TeamsPage teamBindings={(team) => <TeamBindingsTable teamId={team.id} />} />;
}
