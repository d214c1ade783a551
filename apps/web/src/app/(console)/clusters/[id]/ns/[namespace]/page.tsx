import type { Metadata } from 'next';
import { NamespaceOverviewPage } from '@/features/overview/components/namespace-overview-page';

type Params = { id: string; namespace: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).namespace) };
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const { id, namespace } = await params;
  return <NamespaceOverviewPage cluster={decodeURIComponent(id)} namespace={decodeURIComponent(namespace)} />;
}
