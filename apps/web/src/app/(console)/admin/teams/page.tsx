import { sectionMetadata } from '@/features/shell/section-metadata';
import { TeamsWithBindings } from './teams-with-bindings';

export const generateMetadata = sectionMetadata('teams');

export default function Page() {
  return <TeamsWithBindings />;
}
