// Monaco's editor worker (diff computation, word ranges), bundled with the app so nothing is fetched from a CDN.
import 'monaco-editor/editor/editor.worker';
