import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HomePage } from '@/features/overview/components/home-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('overview'))('homeTitle') };
}

export default function Page() {
  return <HomePage />;
}
