'use client';
import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { Spin } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useThemeMode } from '@/lib/theme-mode';
import { BASE_OPTIONS, monacoTheme } from './monaco';

export type YamlDiffViewProps = { original: string; modified: string; inline: boolean; height: number | string };

/** The Monaco half of YamlDiff: only ever loaded in the browser, through next/dynamic. */
export default function YamlDiffView({ original, modified, inline, height }: YamlDiffViewProps) {
  const t = useTranslations('yaml');
  const { mode } = useThemeMode();
  // @monaco-editor/react 4.7 disposes the two text models before the diff widget lets go of them, and Monaco 0.5x
  // throws "TextModel got disposed before DiffEditorWidget model got reset" on every close. So the wrapper keeps the
  // models, and they are disposed here once the widget is gone (this cleanup runs before the wrapper's own).
  const editor = useRef<Parameters<DiffOnMount>[0] | null>(null);
  useEffect(
    () => () => {
      const models = editor.current?.getModel();
      editor.current?.setModel(null);
      editor.current = null;
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <DiffEditor
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={(e) => {
        editor.current = e;
      }}
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
