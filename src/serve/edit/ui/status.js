// Where a page stands, said where the editor looks: a draft nobody else
// sees, a preview that waits for errors to be mended (never a silent white
// box), and a website preview (the site under `/`) that still shows an
// older state because the whole handbook does not build. The last comes
// from the build status `handbook serve` already keeps for its live
// reload (/__handbook/status, renewed on each `status` event), so the
// editor learns it exactly as the reader's overlay does.
"use strict";

import { el, fill } from "./form.js";

let ctx = null;
let site = { ok: true, diagnostics: [] };
let shownSite = "";

/** `ctx`: {T, pages(), say(text), status()} (status: the line under „Speichern“). */
export function setupStatus(c) {
  ctx = c;
}

/** The persistent notice under the header; filled by `refreshSite`. */
export function siteNotice() {
  return el("section", { id: "site-status", class: "site-status", hidden: true, "aria-labelledby": "site-status-h" });
}

/** Asks the server for the build status and shows it. */
export async function refreshSite() {
  let now;
  try {
    now = await (await fetch("/__handbook/status", { cache: "no-store" })).json();
  } catch (_) {
    return; // the server is restarting; the next event asks again
  }
  const wasOk = site.ok;
  site = now;
  renderSite();
  // a save that was said not to appear there does now
  if (!wasOk && site.ok && ctx.status() === ctx.T.saved_stale) ctx.say(ctx.T.site_fresh);
}

/** Draws the notice again (also when the page list, and so titles, change). */
export function renderSite() {
  const box = document.getElementById("site-status");
  if (!box) return;
  const T = ctx.T;
  const errors = site.ok ? [] : (site.diagnostics || []).filter((d) => d.severity === "error");
  const key = JSON.stringify([site.ok, errors, ctx.pages().length]);
  if (key === shownSite) return; // unchanged: a screen reader hears it once
  shownSite = key;
  if (site.ok) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  // the errors by file: each page once, with its lines, a link to open it
  const byFile = new Map();
  for (const d of errors) {
    const k = d.file || "";
    if (!byFile.has(k)) byFile.set(k, []);
    byFile.get(k).push(d);
  }
  const pages = ctx.pages();
  const items = [...byFile].map(([file, list]) => {
    const page = file && pages.find((p) => p.file === file);
    const what = list.map((d) => (d.line ? T.site_stale_line.replace("{0}", d.line) + ": " : "") + d.message).join("; ");
    return el("li", {},
      page ? el("a", { href: "#/seite/" + page.id }, page.title || file) : el("code", {}, file || "handbook.yaml"),
      page ? " " : null, page ? el("code", { class: "file" }, file) : null,
      el("div", { class: "why" }, what));
  });
  fill(box,
    el("h2", { id: "site-status-h" }, T.site_stale_heading),
    el("p", {}, T.site_stale),
    el("ul", {}, items));
  box.hidden = false;
}

/** The notes above the preview frame, after each check of the page:
 *  the draft marker, or why no preview can be shown. */
export function showPreviewState(current, check, fieldLabel) {
  const T = ctx.T;
  const draft = document.getElementById("preview-draft");
  if (draft) {
    draft.hidden = current.fields.draft !== true;
    fill(draft, el("strong", {}, T.preview_draft), " ", T.preview_draft_how);
  }
  const note = document.getElementById("preview-note");
  const frame = document.getElementById("preview");
  if (!note || !frame || !check) return;
  if (check.preview) {
    note.hidden = true;
    frame.hidden = false;
    frame.dataset.shown = "1";
    return;
  }
  const errors = (check.diagnostics || []).filter((d) => d.severity === "error");
  fill(note,
    el("p", {}, el("strong", {}, T.preview_blocked)),
    el("ul", {}, errors.slice(0, 5).map((d) => el("li", {},
      // the editor's messages name their field already („Konzepte“ nennt …)
      (d.field && !d.message.startsWith("„" + fieldLabel(d.field) + "“") ? fieldLabel(d.field) + ": " : "") + d.message + (d.body_line ? " (" + T.line + " " + d.body_line + ")" : "")))),
    el("button", { type: "button", class: "link", onclick: () => document.getElementById("diag-h")?.scrollIntoView() }, T.preview_blocked_more));
  note.hidden = false;
  // the last good preview stays while one types; an empty frame is no preview
  frame.hidden = !frame.dataset.shown;
}

/** The message after a save: a draft says it is one, and how to publish. */
export function savedMessage(wasDraft, isDraft) {
  const T = ctx.T;
  if (isDraft) return T.saved_draft;
  if (!site.ok) return T.saved_stale;
  return wasDraft ? T.saved_published : T.saved;
}
