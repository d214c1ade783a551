import { ResourceListPage } from '@/features/resources/components/resource-list-page';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('clusters');

type Params = { id: string; group: string; version: string; resource: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  const { id, group, version, resource } = await params;
  const gvr = {
    cluster: decodeURIComponent(id),
    group: decodeURIComponent(group),
    version: decodeURIComponent(version),
    resource: decodeURIComponent(resource),
  };
  // A new kind starts a fresh view; filters, sort and namespace live in the URL's query (see list-url-state.ts).
  return <ResourceListPage key={`${id}/${group}/${version}/${resource}`} gvr={gvr} />;
}
