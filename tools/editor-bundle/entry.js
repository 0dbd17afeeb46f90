// What the Redaktion's body editor uses of CodeMirror 6, and nothing more:
// esbuild drops the rest, and ui/body.js imports these names only.
// `markdownLanguage` (GFM) instead of `markdown()`: the latter pulls in the
// HTML, CSS and JavaScript languages for embedded code, 70 KB gzipped that a
// handbook's pages do not need.
export { EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine } from "@codemirror/view";
export { EditorState, EditorSelection } from "@codemirror/state";
export { history, defaultKeymap, historyKeymap, undo, redo } from "@codemirror/commands";
export { markdownLanguage, insertNewlineContinueMarkup, deleteMarkupBackward } from "@codemirror/lang-markdown";
export { syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
export { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
