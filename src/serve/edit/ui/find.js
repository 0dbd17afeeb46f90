// „Suchen und ersetzen“: every place a phrase stands in the handbook,
// grouped by page, each with a checkbox; the replacement is first shown
// as a diff with the build's diagnostics per page, then written. The
// server never writes a page that the replacement would break.
"use strict";

import { el } from "./form.js";
import { withAuthor } from "./history.js";

let T = {};
let api = null;
let found = []; // {key, page, title, file, line, column, text, own}

/** `texts`: the catalogue's words; `call(path, method, body)`: the editor's API. */
export function setupFind(texts, call) {
  T = texts;
  api = call;
}

const fill = (text, ...args) => args.reduce((t, a, i) => t.replace("{" + i + "}", a), text);

// The line with the found phrase marked, as text nodes (never HTML).
function marked(o, phrase, caseToo) {
  const at = o.column - 1;
  const line = [...o.text];
  const plain = (a, b) => line.slice(a, b).join("");
  // the phrase may run over a line break: mark what is on this line
  const hay = caseToo ? plain(at) : plain(at).toLowerCase();
  const needle = caseToo ? phrase : phrase.toLowerCase();
  const len = hay.startsWith(needle) ? [...needle].length : line.length - at;
  return [plain(0, at), el("mark", {}, plain(at, at + len)), plain(at + len)];
}

// A front-matter value with the phrase marked where it stands in it; the
// phrase may have matched across a line break, so white space is loose.
function markedValue(value, phrase, caseToo) {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const m = new RegExp(words.join("\\s+"), caseToo ? "u" : "iu").exec(value);
  if (!m) return [value];
  return [value.slice(0, m.index), el("mark", {}, m[0]), value.slice(m.index + m[0].length)];
}

export function renderFind(main) {
  const text = el("input", { id: "find-text", type: "search", required: true });
  const caseToo = el("input", { id: "find-case", type: "checkbox", checked: true });
  const results = el("div", { id: "find-results" });
  // focused after a replacement: the message stands above, where the
  // button that wrote it was far down a long list
  const status = el("p", { id: "find-status", role: "status", tabindex: "-1" });
  const form = el(
    "form",
    { class: "find" },
    el("label", { for: "find-text" }, T.find_text),
    text,
    el("p", {}, caseToo, " ", el("label", { for: "find-case", class: "inline" }, T.find_case)),
    el("button", { type: "submit" }, T.find_go),
  );
  const search = async () => {
    const params = new URLSearchParams({ text: text.value, egal: String(!caseToo.checked) });
    const r = await api("finden?" + params);
    found = r.status === 200 ? r.data.found : [];
    const pageCount = new Set(found.map((o) => o.page)).size;
    const count = found.length === 1 ? T.find_count_one
      : pageCount === 1 ? fill(T.find_count_page, found.length)
      : fill(T.find_count, found.length, pageCount);
    status.textContent = r.status !== 200 ? r.data.error || "?" : found.length ? count : T.find_none;
    if (r.status === 200 && !r.data.all) status.textContent += " " + T.find_more;
    drawFound(results, text.value, caseToo.checked, search);
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    search();
  });
  main.replaceChildren(el("h1", { id: "page-title", tabindex: "-1" }, T.find_title), form, status, results);
  text.focus();
}

function drawFound(results, phrase, caseToo, again) {
  results.replaceChildren();
  if (!found.length) return;
  const byPage = new Map();
  for (const o of found) {
    if (!byPage.has(o.page)) byPage.set(o.page, []);
    byPage.get(o.page).push(o);
  }
  const boxes = [];
  const list = el("ul", { class: "found" });
  for (const [page, places] of byPage) {
    const items = places.map((o) => {
      const id = "fo-" + o.key.replace(/[^a-z0-9]/gi, "-");
      const box = el("input", { id, type: "checkbox", checked: o.own, disabled: !o.own, value: o.key });
      boxes.push(box);
      return el(
        "li",
        {},
        box,
        " ",
        el("label", { for: id, class: "inline" }, T.line + " " + o.line + ": "),
        // a front-matter hit as the form shows it: „Beschreibung: …“
        o.field && typeof o.value === "string"
          ? el("span", { class: "found-field" }, el("strong", {}, o.field + ": "), markedValue(o.value, phrase, caseToo))
          : el("code", {}, marked(o, phrase, caseToo)),
        o.own ? null : el("span", { class: "hint" }, " (" + T.find_upstream + ")"),
      );
    });
    list.append(
      el("li", {}, el("h2", {}, el("a", { href: "#/seite/" + page }, places[0].title)),
        el("p", { class: "hint" }, places[0].file), el("ul", {}, items)),
    );
  }
  const withText = el("input", { id: "find-with", type: "text" });
  const diffs = el("div", { id: "find-diffs", "aria-live": "polite" });
  const send = async (write) => {
    const chosen = boxes.filter((b) => b.checked && !b.disabled).map((b) => b.value);
    const ask = { text: phrase, egal: !caseToo, with: withText.value, chosen, write };
    const body = write ? await withAuthor(ask) : ask;
    if (!body) return; // the editor did not give a name for the commit
    const r = await api("ersetzen", "POST", body);
    if (r.status === 409) {
      await again();
      document.getElementById("find-status").textContent = T.find_changed;
      return;
    }
    drawDiffs(diffs, r);
    if (write && r.status === 200) {
      const places = r.data.files.reduce((n, f) => n + f.count, 0);
      await again();
      const status = document.getElementById("find-status");
      status.textContent =
        fill(T.find_written, places, r.data.files.length) + (r.data.warning ? " " + r.data.warning : "");
      status.focus();
      status.scrollIntoView({ block: "center" });
    } else if (diffs.firstChild) {
      diffs.scrollIntoView({ block: "start" });
    }
  };
  const choose = (on) => boxes.filter((b) => !b.disabled).forEach((b) => { b.checked = on; });
  // what to write and which places come first: with 76 places the list
  // is long, and on a phone „Ersetzen durch“ stood 9,500 px down
  results.append(
    el("label", { for: "find-with" }, T.find_with),
    withText,
    boxes.length > 1
      ? el("div", { class: "find-choose" },
          el("button", { type: "button", onclick: () => choose(true) }, T.find_all),
          el("button", { type: "button", onclick: () => choose(false) }, T.find_no_place))
      : null,
    list,
    el("div", { class: "find-actions" },
      el("button", { type: "button", onclick: () => send(false) }, T.find_show),
      el("button", { type: "button", class: "primary", onclick: () => send(true) }, T.find_write)),
    diffs,
  );
}

// Each page's diff, removed and added lines said in words as well as
// marked, and the build's diagnostics for the page as it would be.
function drawDiffs(box, r) {
  box.replaceChildren();
  if (r.status === 422) box.append(el("p", { role: "alert", class: "error" }, T.find_errors));
  else if (r.status !== 200) return box.append(el("p", { role: "alert" }, r.data.error || "?"));
  for (const f of r.data.files || []) {
    const lines = f.diff
      .split("\n")
      .filter((l) => l && !l.startsWith("---") && !l.startsWith("+++"))
      .map((l) => {
        if (l.startsWith("-")) return el("del", {}, el("span", { class: "sr" }, T.find_removed + ": "), l.slice(1));
        if (l.startsWith("+")) return el("ins", {}, el("span", { class: "sr" }, T.find_added + ": "), l.slice(1));
        return el("span", { class: "context" }, l.startsWith("@@") ? "…" : l.slice(1));
      });
    const problems = (f.diagnostics || []).map((d) =>
      el("li", { class: d.severity }, d.label + (d.line ? " (" + T.line + " " + d.line + ")" : "") + ": " + d.message));
    box.append(
      el("section", { class: "diff" },
        el("h3", {}, f.title + " (" + f.count + ")"),
        el("pre", {}, lines),
        problems.length ? el("ul", {}, problems) : null),
    );
  }
}
