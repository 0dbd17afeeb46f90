// The page's text as the form shows it: toolbar, editor, image drops and
// the build's diagnostics at their lines. app.js mounts it and hands it
// each round of diagnostics; the rest stays in here.
"use strict";

import { el } from "./form.js";
import { createBody } from "./body.js";
import { toolbar } from "./toolbar.js";
import { uploadImage, acceptDrops } from "./upload.js";

let body = null;
let T = {};

/** The nodes to put under the body's heading. */
export function bodyPanel({ T: texts, api, text, pageId, pages, say, onChange }) {
  T = texts;
  body = createBody({ text, label: T.body_label, describedBy: "body-err body-hint", onChange });
  const ctx = { T, api, pageId, pages, say, upload: (f) => uploadImage(f, body, ctx) };
  const { bar, dialog } = toolbar(body, ctx);
  acceptDrops(body.dom, ctx.upload, (x, y) => body.placeAt(x, y));
  return [bar, body.dom, el("p", { id: "body-hint", class: "hint" }, T.drop_hint), dialog];
}

/** `items`: the list's entries, one per diagnostic, in order. */
export function showBodyDiagnostics(list, items) {
  if (!body || !body.dom.isConnected) return;
  const atLines = list.map((d, i) => [d, i]).filter(([d]) => d.body_line);
  body.mark(atLines.map(([d]) => ({ line: d.body_line, column: d.column, severity: d.severity, message: d.message })));
  for (const [d, i] of atLines) {
    items[i]?.append(
      " ",
      el("button", { type: "button", class: "jump", onclick: () => body.jumpTo(d.body_line, d.column) },
        T.jump.replace("{0}", d.body_line)),
    );
  }
}
