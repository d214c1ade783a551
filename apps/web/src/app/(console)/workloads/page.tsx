import { ComingSoon } from '@/features/shell/components/coming-soon';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('workloads');

export default function Page() {
  return <ComingSoon section="workloads" />;
}
