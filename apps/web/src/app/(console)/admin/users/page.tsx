import { sectionMetadata } from '@/features/shell/section-metadata';
import { UsersPage } from '@/features/users/components/users-page';

export const generateMetadata = sectionMetadata('users');

export default function Page() {
  return <UsersPage />;
}
