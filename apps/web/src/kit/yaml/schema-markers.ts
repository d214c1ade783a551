import type * as Monaco from 'monaco-editor/editor/editor.api';
import { checkYaml, describeAt, type KindSchema, type Problem } from './schema-check';

type MonacoApi = typeof Monaco;
type Editor = Monaco.editor.IStandaloneCodeEditor;
const OWNER = 'wheelhouse-schema';
const DEBOUNCE_MS = 250;

// One hover provider per Monaco instance for every YAML model; each model finds its own schema here.
const schemas = new WeakMap<Monaco.editor.ITextModel, KindSchema>();
const hovering = new WeakSet<MonacoApi>();

// Cluster-supplied descriptions rendered as Markdown text: every character Markdown could read as syntax (or as
// HTML) is escaped, so a CRD description can neither link nor format. Monaco renders without HTML support anyway.
const escapeMarkdown = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);

function registerHover(monaco: MonacoApi) {
  if (hovering.has(monaco)) return;
  hovering.add(monaco);
  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      const schema = schemas.get(model);
      if (!schema) return null;
      const found = describeAt(model.getValue(), { line: position.lineNumber, column: position.column }, schema);
      if (!found) return null;
      const head = `**${escapeMarkdown(found.path)}**${found.type ? ` · ${escapeMarkdown(found.type)}` : ''}`;
      return { contents: [{ value: head }, ...(found.description ? [{ value: escapeMarkdown(found.description) }] : [])] };
    },
  });
}

/**
 * Validates the editor's text as the user types (debounced: a check walks the whole document) and puts the
 * problems on the text as markers; hovers describe fields from the schema. Without a schema, syntax only.
 * Returns the cleanup (markers removed, listeners gone).
 */
export function attachSchema(monaco: MonacoApi, editor: Editor, schema: KindSchema | null, translate: (p: Problem) => string): () => void {
  const model = editor.getModel();
  if (!model) return () => undefined;
  if (schema) {
    schemas.set(model, schema);
    registerHover(monaco);
  }
  const check = () => {
    if (model.isDisposed()) return;
    const markers = checkYaml(model.getValue(), schema).map((p) => ({
      severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: translate(p),
      startLineNumber: p.start.line,
      startColumn: p.start.column,
      endLineNumber: p.end.line,
      endColumn: p.end.column,
    }));
    monaco.editor.setModelMarkers(model, OWNER, markers);
    // How many problems the check found, on the editor's element: what automation (and tests) wait for.
    editor.getDomNode()?.setAttribute('data-problems', String(markers.length));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changes = model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  });
  check();
  return () => {
    clearTimeout(timer);
    changes.dispose();
    schemas.delete(model);
    if (!model.isDisposed()) monaco.editor.setModelMarkers(model, OWNER, []);
  };
}
