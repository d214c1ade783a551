'use client';
import { Skeleton } from 'antd';
import dynamic from 'next/dynamic';
import type { YamlSchemaRef } from './use-schema-check';

export type YamlEditorProps = {
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** A fixed height (px or any CSS length). Without it the editor grows with its content up to `maxHeight`. */
  height?: number | string;
  maxHeight?: number | string;
  /** Put on the editor's box once Monaco has painted, so tests and screenshots never catch the placeholder. */
  testId?: string;
  /** Validate as the user types against this kind's schema in its cluster (markers and hovers). */
  schema?: YamlSchemaRef;
};

/**
 * Monaco with YAML highlighting, light/dark with the console. Monaco touches `window` when imported and is
 * large, so it is a browser-only chunk loaded on first use; everything (workers included) comes from our origin.
 */
export const YamlEditor = dynamic<YamlEditorProps>(() => import('./yaml-editor-view'), {
  ssr: false,
  loading: () => <Skeleton active paragraph={{ rows: 6 }} />,
});
