'use client';
import { Flex, Segmented, Skeleton } from 'antd';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { YamlDiffViewProps } from './yaml-diff-view';

const YamlDiffView = dynamic<YamlDiffViewProps>(() => import('./yaml-diff-view'), {
  ssr: false,
  loading: () => <Skeleton active paragraph={{ rows: 6 }} />,
});

type Layout = 'split' | 'inline';

/** Read-only Monaco diff of two YAML documents, side by side or inline (the user's pick, per diff). */
export function YamlDiff({ original, modified, height = '60vh' }: { original: string; modified: string; height?: number | string }) {
  const t = useTranslations('yaml');
  const [layout, setLayout] = useState<Layout>('split');
  return (
    <Flex vertical gap={8} data-testid="yaml-diff">
      <Segmented<Layout>
        value={layout}
        onChange={setLayout}
        options={[
          { value: 'split', label: t('sideBySide') },
          { value: 'inline', label: t('inline') },
        ]}
        style={{ alignSelf: 'flex-end' }}
      />
      <YamlDiffView original={original} modified={modified} inline={layout === 'inline'} height={height} />
    </Flex>
  );
}
