import { sectionMetadata } from '@/features/shell/section-metadata';
import { RolesPage } from '@/features/rbac/components/roles-page';

export const generateMetadata = sectionMetadata('roles');

export default function Page() {
  return <RolesPage />;
}
