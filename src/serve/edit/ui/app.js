// The Redaktion's page: a list of pages and a form per page, both built
// from what the server describes (/api/schema, /api/pages). No framework,
// no build step: the binary embeds this file as it is.
"use strict";

import { el, errorSlot, fieldControl, fill, nextId, setup } from "./form.js";
import { renderFind, setupFind } from "./find.js";
import { newPageButton, pageButtons, setupPages } from "./pages.js";
import { historyButton, setupHistory, withAuthor } from "./history.js";
import { loadCodeMirror } from "./body.js";
import { bodyPanel, showBodyDiagnostics } from "./bodypanel.js";
import { showConflict } from "./conflict.js";
import { draftKey, filters, renderList, setupList } from "./pagelist.js";
import { refreshSite, renderSite, savedMessage, setupStatus, showPreviewState, siteNotice } from "./status.js";
import { editionPanel, hiddenPanel, isHidden, openOverride, renderMerge, setupEdition } from "./edition.js";

const API = "/_redaktion/api/";
let T = {}; // the catalogue's words, from the server
let kinds = {}; // kind name → {label, fields}
let pages = []; // {id, title, kind, slug, section, url}
let current = null; // the page being edited: {id, kind, fields, body, hash, loaded}
let pendingNote = null; // said once the next page (or the start) is shown

async function api(path, method, body) {
  const opts = { method: method || "GET", headers: {} };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.headers["X-Redaktion"] = "1";
    opts.body = JSON.stringify(body);
  }
  let r;
  try {
    r = await fetch(API + path, opts);
  } catch (_) {
    // the server is gone (stopped, restarted, network): said, not hung
    return { status: 0, data: { error: T.offline || "Keine Verbindung zur Redaktion." } };
  }
  let data = {};
  try {
    data = await r.json();
  } catch (_) {}
  return { status: r.status, data };
}

function say(text) {
  const s = document.getElementById("status");
  if (s) s.textContent = text;
}

function renderForm() {
  const main = document.getElementById("main");
  const desc = kinds[current.kind] || kinds.page;
  const known = new Set(desc.fields.map((f) => f.key));
  const unknown = Object.keys(current.fields).filter((k) => !known.has(k));
  fill(main,
    el("h1", { id: "page-title", tabindex: "-1" }, current.title || ""),
    el("p", {}, el("a", { href: "#/" }, T.back), " · ",
      current.url ? el("a", { href: current.url, target: "_blank", rel: "noopener" }, T.view_public) : null,
      current.url ? " · " : null, el("code", {}, current.file)),
    // a page of the base handbook is renamed or deleted there, not in the edition
    el("div", { class: "page-ops" }, current.edition && current.edition.origin === "upstream" ? null : pageButtons(), historyButton()),
    editionPanel(current),
    el("div", { id: "restored", hidden: true }),
    el("form", { id: "form", onsubmit: (e) => { e.preventDefault(); save(); } },
      el("div", { class: "columns" },
        el("div", { class: "edit" },
          el("h2", {}, T.fields),
          current.raw ? el("p", { class: "raw-note", role: "status" }, T.raw_note) : null,
          // the short name comes from the file's name unless written: shown either way
          current.raw ? null : desc.fields.map((f) => fieldControl(f.key === "slug" && f.readonly ? { ...f, shown: current.slug } : f, current.fields)),
          unknown.length
            ? el("section", { class: "unknown", "aria-labelledby": "unknown-h" },
                el("h3", { id: "unknown-h" }, T.unknown),
                el("dl", {}, unknown.flatMap((k) => [el("dt", {}, k), el("dd", {}, el("code", {}, JSON.stringify(current.fields[k])))])))
            : null,
          el("h2", { id: "body-h" }, current.raw ? T.raw_body : T.body),
          bodyPanel({ T, api, text: current.body, pageId: () => current.id, pages: () => pages, say,
            onChange: (text) => { current.body = text; changed(); } }),
          el("div", { id: "body-err", class: "field-error", hidden: true }),
        ),
        el("div", { class: "show" },
          el("h2", {}, T.preview),
          el("p", { id: "preview-draft", class: "draft-note", hidden: true }),
          el("div", { id: "preview-note", class: "preview-note", role: "status", hidden: true }),
          el("iframe", { id: "preview", title: T.preview, sandbox: "allow-same-origin" }),
          el("section", { "aria-labelledby": "diag-h" }, el("h2", { id: "diag-h" }, T.errors), el("ul", { id: "diagnostics" })),
        ),
      ),
      el("div", { class: "actions" },
        el("button", { type: "submit", id: "save" }, T.save),
        el("p", { id: "status", role: "status" }),
      ),
      el("div", { id: "conflict", hidden: true }),
    ),
  );
}

// ---- drafts, checks, saving ----------------------------------------------

// the page whose unsaved mark the list shows since its last change
let listMarked = null;

function changed() {
  if (!current) return;
  // another kind has other fields: the form follows the choice
  const kind = current.fields.kind || "page";
  if (kinds[kind] && kind !== current.kind) {
    current.kind = kind;
    renderForm();
    document.querySelector('[data-field="kind"]')?.focus();
  }
  localStorage.setItem(
    draftKey(current.id),
    JSON.stringify({ fields: current.fields, body: current.body, hash: current.hash, base: current.loaded }),
  );
  // „Gespeichert.“ of the last save no longer holds, and the list marks
  // the page: once per page, not on every keystroke
  const status = document.getElementById("status");
  if (status && status.textContent !== T.unsaved) say(T.unsaved);
  if (listMarked !== current.id) {
    listMarked = current.id;
    renderList();
  }
  scheduleCheck();
}

// One draft check in flight at a time, the next as soon as it returns: a
// lone keystroke is checked at once (no fixed debounce to wait out), fast
// typing makes one request per server round trip, never a queue.
let checking = false;
let checkAgain = false;
function scheduleCheck() {
  if (checking) {
    checkAgain = true;
    return;
  }
  checking = true;
  // a few milliseconds gather a burst (paste, key repeat) into one request
  setTimeout(async () => {
    try {
      await checkDraft();
    } finally {
      checking = false;
      if (checkAgain) {
        checkAgain = false;
        scheduleCheck();
      }
    }
  }, 20);
}

function showDiagnostics(list) {
  // the source of a page whose details do not read: its lines are the file's
  if (current && current.raw) list = list.map((d) => (d.file === current.file ? { ...d, body_line: d.line } : d));
  const ul = document.getElementById("diagnostics");
  if (!ul) return;
  document.querySelectorAll(".field-error.from-server").forEach((e) => {
    e.textContent = "";
    e.hidden = true;
    e.classList.remove("from-server");
  });
  // a change here can break another page (a draft its links lead to): that
  // page is named, as the terminal names it, not left to be guessed
  const elsewhere = (d) => (d.file && current && d.file !== current.file ? d.file + ":" + d.line + ": " : "");
  ul.replaceChildren(
    ...(list.length
      ? list.map((d) => el("li", { class: d.severity },
          elsewhere(d) + d.label + ": " + d.message + (d.body_line ? " (" + T.line + " " + d.body_line + ")" : "")))
      : [el("li", {}, T.no_errors)]),
  );
  showBodyDiagnostics(list, [...ul.children]);
  for (const d of list) {
    let slot = null;
    if (d.field) {
      const ctl = document.querySelector('[data-field="' + d.field + '"]');
      // a list whose entry the form's own check names already (a reference
      // to no page) says it once, in the words of the form, not again in
      // the terminal's words with the file's keys
      const said = ctl && ctl.tagName === "FIELDSET" && [...ctl.querySelectorAll(".field-error")].some((e) => !e.hidden && !e.classList.contains("from-server"));
      if (said) continue;
      if (ctl) {
        slot = ctl.tagName === "FIELDSET" ? ctl.querySelector(".field-error") : document.getElementById(ctl.id + "-err");
        if (!slot) {
          slot = errorSlot(nextId(d.field));
          ctl.append(slot);
        }
      }
    } else if (d.body_line) {
      slot = document.getElementById("body-err");
    }
    if (slot) {
      const text = d.label + ": " + d.message + (d.body_line ? " (" + T.line + " " + d.body_line + ")" : "");
      slot.textContent = slot.classList.contains("from-server") ? slot.textContent + " " + text : text;
      slot.hidden = false;
      slot.classList.add("from-server");
    }
  }
}

// Checks can overlap (opening a page checks at once, beside the scheduled
// ones); only the answer to the latest request may show, or an older,
// slower answer would put back diagnostics of text already changed.
let checkSeq = 0;
async function checkDraft() {
  if (!current) return;
  const id = current.id;
  const seq = ++checkSeq;
  const r = await api("pages/" + id + "/draft", "POST", { fields: current.fields, body: current.body, raw: !!current.raw });
  if (!current || current.id !== id || seq !== checkSeq) return;
  if (r.status !== 200) {
    say(r.data.error || String(r.status));
    return;
  }
  showDiagnostics(r.data.diagnostics || []);
  showPreviewState(current, r.data, fieldLabel);
  if (r.data.preview) {
    document.getElementById("preview").src = r.data.preview + "?v=" + Date.now();
  }
}

// One save at a time: a second (Strg+S held, a double click) would be
// sent with the same version and come back as a conflict with the first.
let saving = false;
async function save() {
  if (saving) return;
  saving = true;
  try {
    await saveOnce();
  } finally {
    saving = false;
  }
}

async function saveOnce() {
  const change = await withAuthor({ fields: current.fields, body: current.body, hash: current.hash, raw: !!current.raw });
  if (!change) return;
  say(T.saving);
  document.getElementById("conflict").hidden = true;
  const r = await api("pages/" + current.id, "PUT", change);
  if (r.status === 200) {
    const said = savedMessage(current.loaded.fields.draft === true, current.fields.draft === true);
    current.hash = r.data.hash;
    current.loaded = { fields: structuredClone(current.fields), body: current.body };
    localStorage.removeItem(draftKey(current.id));
    listMarked = null;
    renderList();
    // the restored draft is saved now: nothing left to discard
    const restored = document.getElementById("restored");
    if (restored) restored.hidden = true;
    // an upstream page's first save made the edition's own version: open it
    if (r.data.overridden && r.data.id !== current.id) {
      say(T.saved);
      return openOverride(r.data.id);
    }
    showDiagnostics(r.data.diagnostics || []);
    say(said + (r.data.warning ? " " + r.data.warning : ""));
    // mended source: the page opens as a form again once its details read
    if (current.raw) {
      pendingNote = T.saved;
      openPage(current.id, true);
    }
    return;
  }
  say(r.data.error || String(r.status));
  if (r.status === 422) showDiagnostics(r.data.diagnostics || []);
  if (r.status === 409) showConflict(conflictWays, r.data);
}

const conflictWays = {
  get T() { return T; },
  api,
  current: () => current,
  reopen: () => openPage(current.id, true),
  redraw: () => renderForm(),
  check: () => changed(),
};

async function openPage(id, fromDisk) {
  const r = await api("pages/" + id);
  if (r.status !== 200) {
    const where = (d) => d.file + ":" + d.line + ":" + d.column + ": " + d.label + ": " + d.message;
    document.getElementById("main").replaceChildren(
      el("p", { role: "alert" }, r.data.error || String(r.status)),
      el("ul", {}, (r.data.diagnostics || []).map((d) => el("li", {}, where(d)))),
    );
    return;
  }
  current = { ...r.data };
  // what the form was loaded from: the base a conflict's merge needs
  current.loaded = { fields: structuredClone(r.data.fields), body: r.data.body };
  let restored = false;
  const kept = fromDisk ? null : localStorage.getItem(draftKey(id));
  if (kept) {
    const d = JSON.parse(kept);
    if (JSON.stringify(d.fields) !== JSON.stringify(current.fields) || d.body !== current.body) {
      current.fields = d.fields;
      current.body = d.body;
      current.hash = d.hash; // the version the draft was made from: a changed file is a conflict
      current.loaded = d.base;
      restored = true;
    }
  }
  renderForm();
  listMarked = null;
  renderList();
  if (pendingNote) {
    say(pendingNote);
    pendingNote = null;
  }
  if (restored) {
    const note = document.getElementById("restored");
    note.replaceChildren(
      el("p", { role: "status" }, T.draft_restored),
      el("button", { type: "button", onclick: async () => {
        localStorage.removeItem(draftKey(id));
        // the pictures uploaded for the discarded draft go with it
        await api("pages/" + id + "/verwerfen", "POST", {});
        openPage(id, true);
      } }, T.discard),
    );
    note.hidden = false;
  }
  // screen readers start at the page just opened
  document.getElementById("page-title").focus();
  checkDraft();
}

// A version from the history becomes the form's draft: checked as typed,
// written only by „Speichern“ (against the file's current hash).
function restoreDraft(fields, body, note) {
  if (!current) return;
  current.fields = fields;
  current.body = body;
  renderForm();
  changed();
  say(note);
  document.getElementById("page-title").focus();
}

function route() {
  const m = location.hash.match(/^#\/seite\/([0-9a-f]+)$/);
  const merge = location.hash.match(/^#\/zusammenfuehren\/([0-9a-f]+)$/);
  if (m && isHidden(m[1], pages)) {
    current = null;
    hiddenPanel(document.getElementById("main"), pages.find((p) => p.id === m[1]));
    renderList();
  } else if (m) openPage(m[1]);
  else if (merge) {
    current = null;
    renderMerge(document.getElementById("main"), merge[1]);
    renderList();
  }
  else if (location.hash === "#/suchen") {
    current = null;
    renderFind(document.getElementById("main"));
    renderList();
  }
  else {
    current = null;
    fill(document.getElementById("main"),
      pendingNote ? el("p", { role: "status" }, pendingNote) : null,
      el("p", {}, T.choose),
    );
    pendingNote = null;
    renderList();
  }
}

// The label of a field as the open page's form shows it.
function fieldLabel(key) {
  const desc = (current && kinds[current.kind]) || kinds.page;
  return desc.fields.find((f) => f.key === key)?.label || key;
}

// After a save the watcher rebuilds; the preview frame then shows the
// page as served. Every rebuild renews the list (a draft published, a
// title changed: no reload needed) and the website preview's status.
function listen() {
  const events = new EventSource("/__handbook/events");
  events.addEventListener("message", (e) => {
    const ev = JSON.parse(e.data);
    if (ev.type === "reload" && current && current.url && ev.paths) {
      // the file the watcher made of this page, as the server names it
      const file = current.url.replace(/^\//, "") + (current.url.endsWith("/") ? "index.html" : "");
      const frame = document.getElementById("preview");
      if (frame && ev.paths.includes(file)) frame.src = current.url;
    }
    if (ev.type === "reload" || ev.type === "status") {
      api("pages").then((r) => { if (r.status === 200) { pages = r.data.pages; renderList(); renderSite(); } });
    }
    if (ev.type === "status") refreshSite();
  });
}

async function start() {
  const [schema, list] = await Promise.all([api("schema"), api("pages"), loadCodeMirror()]);
  const app = document.getElementById("app");
  if (schema.status !== 200 || list.status !== 200) {
    app.replaceChildren(el("p", { role: "alert" }, schema.data.error || list.data.error || "?"));
    return;
  }
  T = schema.data.texts;
  setup({ T, pages: () => pages, changed });
  setupList({ T, pages: () => pages, current: () => current, kinds: () => kinds });
  setupFind(T, api);
  setupStatus({ T, pages: () => pages, say, status: () => document.getElementById("status")?.textContent });
  for (const k of schema.data.kinds) kinds[k.kind] = k;
  setupPages({
    api,
    T,
    current: () => current,
    open: (id, note) => { pendingNote = note || null; location.hash = "#/seite/" + id; },
    home: (note) => { pendingNote = note || null; location.hash = "#/"; },
    refresh: async () => {
      const r = await api("pages");
      if (r.status === 200) { pages = r.data.pages; renderList(); }
    },
  });
  await setupHistory({ api, T, current: () => current, restore: restoreDraft });
  setupEdition({
    api,
    T,
    say,
    edition: list.data.edition,
    open: (id, note) => {
      pendingNote = note || null;
      if (location.hash === "#/seite/" + id) route();
      else location.hash = "#/seite/" + id;
    },
    home: (note) => { pendingNote = note || null; location.hash = "#/"; },
    // a write is in the list once the watcher has rebuilt the site
    refreshUntil: async (done) => {
      for (let i = 0; i < 50; i++) {
        const r = await api("pages");
        if (r.status === 200) {
          pages = r.data.pages;
          if (done(pages)) break;
        }
        await new Promise((ok) => setTimeout(ok, 200));
      }
      renderList();
    },
  });
  pages = list.data.pages;
  document.title = T.app_title;
  app.replaceChildren(
    el("header", {}, el("p", { class: "brand" }, T.app_title),
      el("a", { href: "#/suchen", class: "tool" }, T.find_title),
      // on a phone the list stands below the open page, thousands of
      // pixels down: one tap to it and its „Neue Seite“
      el("button", { type: "button", class: "link narrow-only", onclick: toList }, T.to_list)),
    siteNotice(),
    el("div", { class: "layout" },
      el("nav", { "aria-label": T.pages }, el("h2", { id: "pages-h", tabindex: "-1" }, T.pages), newPageButton(), filters(), el("p", { id: "count", role: "status" }), el("ul", { id: "page-list" })),
      el("main", { id: "main", tabindex: "-1" }),
    ),
  );
  window.addEventListener("hashchange", route);
  // Strg+S saves, as in every editor; the browser's „Seite speichern“ is no use here
  window.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      if (current && !e.repeat) save();
    }
  });
  route();
  listen();
  refreshSite();
}

function toList() {
  const h = document.getElementById("pages-h");
  h.scrollIntoView({ block: "start" });
  h.focus({ preventScroll: true });
}

start();
