import { sectionMetadata } from '@/features/shell/section-metadata';
import { UsersWithBindings } from './users-with-bindings';

export const generateMetadata = sectionMetadata('users');

export default function Page() {
  return <UsersWithBindings />;
}
