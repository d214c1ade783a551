import { ObjectDetailPage } from '@/features/resources/components/detail/object-detail-page';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('clusters');

type Params = { id: string; group: string; version: string; resource: string; namespace: string; name: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  const p = await params;
  const d = decodeURIComponent;
  // `_` stands for "cluster-scoped": no namespace is named `_` (not a DNS label).
  const target = {
    cluster: d(p.id),
    group: d(p.group),
    version: d(p.version),
    resource: d(p.resource),
    namespace: p.namespace === '_' ? undefined : d(p.namespace),
    name: d(p.name),
  };
  return <ObjectDetailPage key={Object.values(p).join('/')} target={target} />;
}
