'use client';
import Editor from '@monaco-editor/react';
import { Spin } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useThemeMode } from '@/lib/theme-mode';
import { BASE_OPTIONS, monacoTheme } from './monaco';
import type { YamlEditorProps } from './yaml-editor';

/** The Monaco half of YamlEditor: only ever loaded in the browser, through next/dynamic. */
export default function YamlEditorView({ value, onChange, readOnly = false, height, maxHeight = '70vh', testId }: YamlEditorProps) {
  const t = useTranslations('yaml');
  const { mode } = useThemeMode();
  // Without a fixed height the box follows the document (short objects get a short box) up to maxHeight, beyond
  // which Monaco scrolls and renders only the visible lines.
  const [contentHeight, setContentHeight] = useState<number>();
  const [painted, setPainted] = useState(false);
  return (
    <div
      data-testid={painted ? testId : undefined}
      style={height === undefined ? { height: contentHeight ?? maxHeight, maxHeight } : { height }}
    >
      <Editor
        height="100%"
        language="yaml"
        value={value}
        theme={monacoTheme(mode)}
        loading={<Spin />}
        onChange={(next) => onChange?.(next ?? '')}
        onMount={(editor) => {
          // Monaco paints in its own animation frame, queued when the editor was created: this one runs after it.
          requestAnimationFrame(() => setPainted(true));
          if (height !== undefined) return;
          setContentHeight(editor.getContentHeight());
          editor.onDidContentSizeChange((e) => setContentHeight(e.contentHeight));
        }}
        options={{
          ...BASE_OPTIONS,
          readOnly,
          domReadOnly: readOnly,
          ariaLabel: t(readOnly ? 'viewerLabel' : 'editorLabel'),
          renderLineHighlight: readOnly ? 'none' : 'line',
        }}
      />
    </div>
  );
}
