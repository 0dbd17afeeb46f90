// The Redaktion's modal dialogs: a native <dialog> (focus kept inside,
// Esc closes, the page behind inert), removed when closed.
"use strict";

import { el } from "./form.js";

// A modal dialog with a heading; `fill(dialog, close)` builds its content.
/** `fill(dialog, close)` builds the content below the heading. */
export function dialog(titleText, fill) {
  const id = "dlg-" + Math.random().toString(36).slice(2);
  const d = el("dialog", { "aria-labelledby": id, class: "ops" });
  const close = () => { d.close(); d.remove(); };
  d.addEventListener("close", () => d.remove());
  d.append(el("h2", { id }, titleText));
  fill(d, close);
  document.body.append(d);
  d.showModal();
  return d;
}

