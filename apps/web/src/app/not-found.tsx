import { Button, Result } from 'antd';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="wh-fullscreen-center">
      <Result
        status="404"
        title={t('title')}
        subTitle={t('description')}
        extra={
          <Link href="/">
            <Button type="primary">{t('home')}</Button>
          </Link>
        }
      />
    </div>
  );
}
