// The page's text: CodeMirror 6 (ui/vendor/codemirror.js) when it loads,
// the plain textarea when it does not (an old browser, a blocked file).
// Both stand behind one small interface that the toolbar, the image
// upload and the diagnostics use, so none of them knows which it got.
"use strict";

import { fromOffice } from "./paste.js";

let CM = null;

// The pasted text as Markdown when it comes from an office program, else `null`.
function pastedMarkdown(event) {
  const data = event.clipboardData;
  return data ? fromOffice(data.getData("text/plain"), data.getData("text/html")) : null;
}

export async function loadCodeMirror() {
  try {
    CM = await import("./vendor/codemirror.js");
  } catch (e) {
    console.warn("Redaktion: CodeMirror did not load; the plain text field is used", e);
    CM = null;
  }
  return CM;
}

// Offsets of line `n` (1-based) in `text`.
function lineOf(text, n) {
  let from = 0;
  for (let i = 1; i < n; i++) {
    const next = text.indexOf("\n", from);
    if (next < 0) break;
    from = next + 1;
  }
  const end = text.indexOf("\n", from);
  return { from, to: end < 0 ? text.length : end };
}

function textareaBody({ text, label, describedBy, onChange }) {
  const ta = document.createElement("textarea");
  Object.assign(ta, { id: "body", rows: 18, spellcheck: true, value: text, dir: "auto" });
  ta.setAttribute("aria-label", label);
  ta.setAttribute("aria-describedby", describedBy);
  ta.addEventListener("input", () => onChange(ta.value));
  ta.addEventListener("paste", (event) => {
    const md = pastedMarkdown(event);
    if (md === null) return;
    event.preventDefault();
    const { selectionStart: from, selectionEnd: to } = ta;
    if (!document.execCommand || !document.execCommand("insertText", false, md)) {
      ta.setRangeText(md, from, to, "end");
    }
    onChange(ta.value);
  });
  return {
    dom: ta,
    kind: "textarea",
    text: () => ta.value,
    selection: () => ({ from: ta.selectionStart, to: ta.selectionEnd }),
    replace(from, to, insert, selFrom, selTo) {
      ta.focus();
      ta.setSelectionRange(from, to);
      // execCommand keeps the browser's own undo; setRangeText where it is gone
      if (!document.execCommand || !document.execCommand("insertText", false, insert)) {
        ta.setRangeText(insert, from, to, "end");
      }
      ta.setSelectionRange(selFrom ?? from + insert.length, selTo ?? selFrom ?? from + insert.length);
      onChange(ta.value);
    },
    jumpTo(line, column) {
      const l = lineOf(ta.value, line);
      const at = Math.min(l.from + Math.max((column || 1) - 1, 0), l.to);
      ta.focus();
      ta.setSelectionRange(at, at);
    },
    mark() {}, // the messages under the field say where
    focus: () => ta.focus(),
    placeAt() {},
  };
}

function codeMirrorBody({ text, label, describedBy, onChange }) {
  const wrapper = document.createElement("div");
  wrapper.id = "body";
  wrapper.className = "body-editor";
  const view = new CM.EditorView({
    parent: wrapper,
    state: CM.EditorState.create({
      doc: text,
      extensions: [
        CM.lineNumbers(),
        CM.history(),
        CM.drawSelection(),
        CM.highlightActiveLine(),
        CM.EditorView.lineWrapping,
        // each line in its own direction (app.css: unicode-bidi plaintext),
        // the cursor moving as the line runs: an Arabic paragraph right to
        // left beside a German one, as `dir="auto"` does in the form
        CM.EditorView.perLineTextDirection.of(true),
        CM.markdownLanguage.extension,
        CM.syntaxHighlighting(CM.defaultHighlightStyle),
        CM.lintGutter(),
        // Tab is left to the browser: the editor must not trap the keyboard
        CM.keymap.of([
          { key: "Enter", run: CM.insertNewlineContinueMarkup },
          { key: "Backspace", run: CM.deleteMarkupBackward },
          ...CM.defaultKeymap,
          ...CM.historyKeymap,
          ...CM.lintKeymap,
        ]),
        CM.EditorView.contentAttributes.of({
          "aria-label": label,
          "aria-describedby": describedBy,
          spellcheck: "true",
          lang: "de",
        }),
        CM.EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
        CM.EditorView.domEventHandlers({
          paste(event, v) {
            const md = pastedMarkdown(event);
            if (md === null) return false;
            event.preventDefault();
            v.dispatch(v.state.replaceSelection(md), { scrollIntoView: true, userEvent: "input.paste" });
            return true;
          },
        }),
      ],
    }),
  });
  // reachable from the page (tests, the browser's console) as #body.editorView
  wrapper.editorView = view;
  const line = (n) => view.state.doc.line(Math.min(Math.max(n, 1), view.state.doc.lines));
  return {
    dom: wrapper,
    kind: "codemirror",
    view,
    text: () => view.state.doc.toString(),
    selection: () => ({ from: view.state.selection.main.from, to: view.state.selection.main.to }),
    replace(from, to, insert, selFrom, selTo) {
      const anchor = selFrom ?? from + insert.length;
      view.dispatch({
        changes: { from, to, insert },
        selection: { anchor, head: selTo ?? anchor },
        scrollIntoView: true,
        userEvent: "input",
      });
      view.focus();
    },
    jumpTo(n, column) {
      const l = line(n);
      const at = Math.min(l.from + Math.max((column || 1) - 1, 0), l.to);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    // the build's diagnostics, at their lines: gutter marker and underline
    mark(list) {
      const diagnostics = list.map((d) => {
        const l = line(d.line);
        const from = Math.min(l.from + Math.max((d.column || 1) - 1, 0), l.to);
        return {
          from,
          to: from < l.to ? l.to : from,
          severity: d.severity === "error" ? "error" : "warning",
          message: d.message,
        };
      });
      view.dispatch(CM.setDiagnostics(view.state, diagnostics));
    },
    focus: () => view.focus(),
    // the cursor where the mouse is (an image dropped there goes there)
    placeAt(x, y) {
      const at = view.posAtCoords({ x, y });
      if (at !== null) view.dispatch({ selection: { anchor: at } });
    },
  };
}

export function createBody(options) {
  return CM ? codeMirrorBody(options) : textareaBody(options);
}
