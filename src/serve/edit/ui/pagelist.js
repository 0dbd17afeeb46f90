// The Redaktion's list of pages: filtered by title, kind, section and
// (in an edition) origin, each entry with its kind, state and whether it
// has changes not saved yet.
"use strict";

import { el } from "./form.js";
import { matchesOrigin, originBadge, originFilter } from "./edition.js";

const LIST_LIMIT = 300;

/** Where a page's unsaved draft is kept in this browser. */
export const draftKey = (id) => "redaktion:" + id;

let ctx = null;

/** `T`, and the app's `pages`, `current` and `kinds` as functions. */
export function setupList(c) {
  ctx = c;
}

/** The list as the filters leave it, at most LIST_LIMIT entries. */
export function renderList() {
  const { T } = ctx;
  const pages = ctx.pages();
  const current = ctx.current();
  const kinds = ctx.kinds();
  const text = document.getElementById("f-text").value.trim().toLowerCase();
  const kind = document.getElementById("f-kind").value;
  const section = document.getElementById("f-section").value;
  // by title, as a reader looks for a page; a page just made or published
  // takes its place at once, not at the end until a reload
  const shown = [...pages].sort((a, b) => a.title.localeCompare(b.title, "de")).filter(
    (p) =>
      (!kind || p.kind === kind) &&
      (!section || p.section === section) &&
      matchesOrigin(p) &&
      (!text || p.title.toLowerCase().includes(text) || p.slug.includes(text)),
  );
  const list = document.getElementById("page-list");
  // ten thousand links would make every keystroke slow; the filters narrow
  list.replaceChildren(
    ...shown.slice(0, LIST_LIMIT).map((p) =>
      el(
        "li",
        {},
        el(
          "a",
          {
            href: "#/seite/" + p.id,
            "aria-current": current && current.id === p.id ? "page" : null,
          },
          p.title,
        ),
        " ",
        el("span", { class: "kind" }, (kinds[p.kind] ? kinds[p.kind].label : p.kind) + (p.state ? " · " + T["state_" + p.state] : "")),
        originBadge(p) ? " " : null,
        originBadge(p),
        // changes kept in this browser and not saved yet, said in words
        localStorage.getItem(draftKey(p.id)) ? el("span", { class: "unsaved" }, " · " + T.unsaved_mark) : null,
      ),
    ),
  );
  document.getElementById("count").textContent =
    shown.length > LIST_LIMIT
      ? T.count_limited.replace("{0}", LIST_LIMIT).replace("{1}", shown.length)
      : shown.length + " " + (shown.length === 1 ? T.count_one : T.count);
}

/** The filters above the list: title, kind, section, origin. */
export function filters() {
  const { T } = ctx;
  const pages = ctx.pages();
  const kinds = ctx.kinds();
  const sections = [...new Set(pages.map((p) => p.section))].sort();
  const option = (value, label) => el("option", { value }, label);
  return el(
    "div",
    { class: "filters" },
    el("label", { for: "f-text" }, T.filter_text),
    el("input", { id: "f-text", type: "search", oninput: renderList }),
    el("label", { for: "f-kind" }, T.filter_kind),
    el(
      "select",
      { id: "f-kind", onchange: renderList },
      option("", T.all),
      Object.entries(kinds).map(([k, d]) => option(k, d.label)),
    ),
    el("label", { for: "f-section" }, T.filter_section),
    el(
      "select",
      { id: "f-section", onchange: renderList },
      option("", T.all),
      sections.filter((s) => s).map((s) => option(s, s)),
    ),
    originFilter(renderList),
  );
}
