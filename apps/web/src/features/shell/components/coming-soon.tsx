'use client';
import { Card, Result, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import type { SectionKey } from '@/kit/sections';
import { SECTIONS } from '../nav-sections';

/** Sections without a backend yet: say so plainly instead of showing an empty or broken page. */
export function ComingSoon({ section }: { section: SectionKey }) {
  const tNav = useTranslations('nav');
  const t = useTranslations('placeholder');
  const icon = SECTIONS.find((s) => s.key === section)?.icon;
  return (
    <Card>
      <Result
        icon={<span className="wh-placeholder-icon">{icon}</span>}
        title={
          <span data-testid="section-title">
            {tNav(section)} <Tag color="blue">{t('comingSoon')}</Tag>
          </span>
        }
        subTitle={
          <>
            <div>{t(section)}</div>
            <div>{t('description')}</div>
          </>
        }
      />
    </Card>
  );
}
