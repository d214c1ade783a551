'use client';
import { DiffEditor } from '@monaco-editor/react';
import { Spin } from 'antd';
import { useTranslations } from 'next-intl';
import { useThemeMode } from '@/lib/theme-mode';
import { BASE_OPTIONS, monacoTheme } from './monaco';

export type YamlDiffViewProps = { original: string; modified: string; inline: boolean; height: number | string };

/** The Monaco half of YamlDiff: only ever loaded in the browser, through next/dynamic. */
export default function YamlDiffView({ original, modified, inline, height }: YamlDiffViewProps) {
  const t = useTranslations('yaml');
  const { mode } = useThemeMode();
  return (
    <DiffEditor
      height={height}
      language="yaml"
      original={original}
      modified={modified}
      theme={monacoTheme(mode)}
      loading={<Spin />}
      options={{
        ...BASE_OPTIONS,
        readOnly: true,
        domReadOnly: true,
        originalEditable: false,
        renderSideBySide: !inline,
        // Monaco would silently fall back to inline in a narrow drawer, which would make the toggle a lie.
        useInlineViewWhenSpaceIsLimited: false,
        // Long manifests: only the changed hunks and a few lines around them stay expanded.
        hideUnchangedRegions: { enabled: true },
        renderOverviewRuler: false,
        ariaLabel: t('diffLabel'),
      }}
    />
  );
}
