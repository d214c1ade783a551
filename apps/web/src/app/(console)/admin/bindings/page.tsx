import { sectionMetadata } from '@/features/shell/section-metadata';
import { BindingsPage } from '@/features/rbac/components/bindings-page';

export const generateMetadata = sectionMetadata('bindings');

export default function Page() {
  return <BindingsPage />;
}
