import { ClusterOverview } from '@/features/resources/components/cluster-overview';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('clusters');

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClusterOverview key={id} cluster={decodeURIComponent(id)} />;
}
