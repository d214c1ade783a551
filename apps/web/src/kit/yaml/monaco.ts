import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
// The bare editor API plus only what a YAML viewer/editor uses; `monaco-editor`'s index pulls in every language,
// the TypeScript service and an LSP client (several MB more to build and ship).
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
// F8 / Shift+F8: next / previous problem, with its message inline (the schema markers).
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/stickyScroll/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import { conf, language } from 'monaco-editor/languages/definitions/yaml/yaml';
import type { ThemeMode } from '@/i18n/locales';

// Without a worker of its own Monaco would try to load one by URL; this one is a bundled chunk on our origin (CSP
// worker-src 'self'). Turbopack bundles a worker only for the bare form `new Worker(new URL('…', import.meta.url))`:
// with an options argument it copies the .ts file as a static asset, the worker fails to start and Monaco quietly
// runs its worker code on the page instead.
function editorWorker(): Worker {
  return new Worker(new URL('./editor.worker.ts', import.meta.url));
}
self.MonacoEnvironment = { getWorker: () => editorWorker() };
// Otherwise @monaco-editor/react's loader injects monaco from a public CDN.
loader.config({ monaco });

// Registered eagerly rather than through monaco's lazy `yaml/register` (an extra chunk): the first paint of the
// editor is already highlighted instead of flashing plain text.
monaco.languages.register({ id: 'yaml', extensions: ['.yaml', '.yml'], aliases: ['YAML', 'yaml'] });
monaco.languages.setMonarchTokensProvider('yaml', language);
monaco.languages.setLanguageConfiguration('yaml', conf);

/** The one Monaco instance (the loader hands the same one to every editor). */
export { monaco };

export const monacoTheme = (mode: ThemeMode): string => (mode === 'dark' ? 'vs-dark' : 'vs');

/** Options shared by the editor and the diff: a quiet viewer that fits inside drawers and cards. */
export const BASE_OPTIONS = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 12,
  // Hovers and menus are appended to <body>, so a drawer's overflow does not clip them.
  fixedOverflowWidgets: true,
} satisfies monaco.editor.IEditorOptions;
