'use client';
import Editor, { type OnMount } from '@monaco-editor/react';
import { Spin, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useThemeMode } from '@/lib/theme-mode';
import { BASE_OPTIONS, monaco, monacoTheme } from './monaco';
import { attachSchema } from './schema-markers';
import { useKindSchema, useProblemText } from './use-schema-check';
import type { YamlEditorProps } from './yaml-editor';

type Mounted = Parameters<OnMount>[0];

/** The Monaco half of YamlEditor: only ever loaded in the browser, through next/dynamic. */
export default function YamlEditorView({
  value,
  onChange,
  readOnly = false,
  height,
  maxHeight = '70vh',
  testId,
  schema,
}: YamlEditorProps) {
  const t = useTranslations('yaml');
  const { mode } = useThemeMode();
  // Without a fixed height the box follows the document (short objects get a short box) up to maxHeight, beyond
  // which Monaco scrolls and renders only the visible lines.
  const [contentHeight, setContentHeight] = useState<number>();
  const [painted, setPainted] = useState(false);
  const [mounted, setMounted] = useState<Mounted | null>(null);
  const kindSchema = useKindSchema(readOnly ? undefined : schema);
  const problemText = useProblemText();
  // An editable editor is checked as the user types: syntax at once, the kind's schema once it has arrived.
  const checkedSchema = kindSchema.data ?? null;
  useEffect(() => {
    if (!mounted || readOnly) return;
    return attachSchema(monaco, mounted, checkedSchema, problemText);
  }, [mounted, readOnly, checkedSchema, problemText]);
  return (
    <>
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
            setMounted(editor);
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
      {kindSchema.isError && (
        <Typography.Text type="secondary" data-testid="yaml-no-schema">
          {t('schemaUnavailable')}
        </Typography.Text>
      )}
    </>
  );
}
