import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/features/auth/components/login-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('submit') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, error } = await searchParams;
  return (
    <LoginForm
      next={typeof next === 'string' ? next : undefined}
      errorCode={typeof error === 'string' && /^[A-Z_]{1,64}$/.test(error) ? error : undefined}
    />
  );
}
