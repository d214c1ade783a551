import { SectionPage } from '@/features/resources/components/section-page';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('rbac');

export default function Page() {
  return <SectionPage section="rbac" />;
}
