import { ResourceListPage } from '@/features/resources/components/resource-list-page';
import { sectionMetadata } from '@/features/shell/section-metadata';

export const generateMetadata = sectionMetadata('clusters');

type Params = { id: string; group: string; version: string; resource: string };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, group, version, resource } = await params;
  const { namespace } = await searchParams;
  const gvr = {
    cluster: decodeURIComponent(id),
    group: decodeURIComponent(group),
    version: decodeURIComponent(version),
    resource: decodeURIComponent(resource),
  };
  const ns = typeof namespace === 'string' && namespace ? namespace : undefined;
  // A new kind or namespace in the URL starts a fresh view (filters, paging, subscription).
  return <ResourceListPage key={`${id}/${group}/${version}/${resource}/${ns ?? ''}`} gvr={gvr} initialNamespace={ns} />;
}
