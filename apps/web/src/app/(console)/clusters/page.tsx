import { ClustersPage } from '@/features/clusters/components/clusters-page';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('clusters');

export default function Page() {
  return <ClustersPage />;
}
