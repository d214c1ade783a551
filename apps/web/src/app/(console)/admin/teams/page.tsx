import { sectionMetadata } from '@/features/shell/section-metadata';
import { TeamsPage } from '@/features/teams/components/teams-page';

export const generateMetadata = sectionMetadata('teams');

export default function Page() {
  return <TeamsPage />;
}
