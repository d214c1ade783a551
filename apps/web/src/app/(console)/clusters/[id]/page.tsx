import { ClusterOverviewPage } from '@/features/overview/components/cluster-overview-page';
import { KindsCard } from '@/features/resources/components/kinds-card';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('clusters');

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cluster = decodeURIComponent(id);
  // Composed here so the overview and the resource explorer stay independent features.
  return (
    <div key={id}>
      <ClusterOverviewPage cluster={cluster} />
      <KindsCard cluster={cluster} />
    </div>
  );
}
