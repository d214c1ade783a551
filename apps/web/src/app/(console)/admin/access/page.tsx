import { sectionMetadata } from '@/features/shell/section-metadata';
import { CheckAccessPage } from '@/features/rbac/components/check-access-page';

export const generateMetadata = sectionMetadata('access');

export default function Page() {
  return <CheckAccessPage />;
}
