import { ProvidersPage } from '@/features/identity-providers/components/providers-page';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('providers');

export default function Page() {
  return <ProvidersPage />;
}
