// The Redaktion in a regional edition: where each page comes from (a badge
// and a filter in the list), „Ausblenden“/„Einblenden“, and the merge of
// the base handbook's changes, conflicts side by side. The server decides
// everything; this file only shows it and sends the editor's choices.
"use strict";

import { el } from "./form.js";
import { withAuthor } from "./history.js";

let ctx = null; // {api, T, say, open, home, refresh}
let edition = null; // the edition's name, or null without one

/** `c.edition`: the name from /api/pages; the rest as pages.js gets it. */
export function setupEdition(c) {
  ctx = c;
  edition = c.edition || null;
}

export const inEdition = () => !!edition;

const DRIFT = ["upstream-changed", "upstream-removed", "conflict"];

/** The page's origin as a short word beside its title in the list. */
export function originBadge(p) {
  if (!edition || !p.edition) return null;
  const { origin, drift } = p.edition;
  const words = [ctx.T["origin_" + origin]];
  if (DRIFT.includes(drift)) words.push(ctx.T["drift_" + drift]);
  return el("span", { class: "origin origin-" + origin + (DRIFT.includes(drift) ? " drift" : "") }, words.join(" · "));
}

/** The „Herkunft“ filter; `onchange` renders the list again. */
export function originFilter(onchange) {
  if (!edition) return null;
  const option = (value, label) => el("option", { value }, label);
  return [
    el("label", { for: "f-origin" }, ctx.T.filter_origin),
    el(
      "select",
      { id: "f-origin", onchange },
      option("", ctx.T.all),
      ["upstream", "overridden", "own", "hidden"].map((o) => option(o, ctx.T["origin_" + o])),
      option("drift", ctx.T["drift_upstream-changed"]),
    ),
  ];
}

export function matchesOrigin(p) {
  const f = document.getElementById("f-origin");
  if (!f || !f.value) return true;
  const e = p.edition || {};
  return f.value === "drift" ? DRIFT.includes(e.drift) : e.origin === f.value;
}

export function isHidden(id, pages) {
  return pages.some((p) => p.id === id && p.edition && p.edition.origin === "hidden");
}

async function write(path, body) {
  const change = await withAuthor(body || {});
  if (!change) return null;
  return ctx.api(path, "POST", change);
}

/** What the form shows above the fields: where the page comes from, and its buttons. */
export function editionPanel(current) {
  if (!edition || !current.edition) return null;
  const { origin, drift } = current.edition;
  const T = ctx.T;
  const parts = [];
  if (origin === "upstream") {
    parts.push(el("p", {}, T.upstream_note));
    parts.push(el("button", { type: "button", id: "hide-page", onclick: () => hide(current.id) }, T.hide));
  } else if (origin === "overridden") {
    parts.push(el("p", {}, DRIFT.includes(drift) ? T.drift_note : T.overridden_note));
    if (drift === "upstream-changed") {
      parts.push(el("button", { type: "button", id: "merge-page", class: "primary", onclick: () => { location.hash = "#/zusammenfuehren/" + current.id; } }, T.merge));
    }
  } else return null;
  return el("section", { class: "edition-note", "aria-label": T.edition_label + " " + edition }, parts);
}

async function hide(id) {
  const r = await write("pages/" + id + "/hide");
  if (!r) return;
  if (r.status !== 200) return ctx.say(r.data.error || String(r.status));
  await ctx.refreshUntil((pages) => isHidden(id, pages));
  ctx.home(ctx.T.hidden_done);
}

/** A hidden page: not in the site, so no form; only „Einblenden“. */
export function hiddenPanel(main, page) {
  const T = ctx.T;
  main.replaceChildren(
    el("h1", { id: "page-title", tabindex: "-1" }, page.title),
    el("p", {}, el("a", { href: "#/" }, T.back)),
    el("p", {}, T.hidden_note),
    el("button", { type: "button", id: "show-page", class: "primary", onclick: async () => {
      const r = await write("pages/" + page.id + "/show");
      if (!r) return;
      if (r.status !== 200) {
        document.getElementById("edition-status").textContent = r.data.error || String(r.status);
        return;
      }
      await ctx.refreshUntil((pages) => pages.some((p) => p.id === page.id && p.edition && p.edition.origin !== "hidden"));
      ctx.open(page.id, T.shown_done);
    } }, T.show),
    el("p", { id: "edition-status", role: "status" }),
  );
  document.getElementById("page-title").focus();
}

/** After the first save of an upstream page: the edition's version, once the site has it. */
export async function openOverride(newId) {
  await ctx.refreshUntil((pages) => pages.some((p) => p.id === newId));
  ctx.open(newId, ctx.T.overridden_done);
}

// ---- the merge view -------------------------------------------------------

/** The merge of the base handbook's changes into the page `id`. */
export async function renderMerge(main, id) {
  const T = ctx.T;
  const r = await ctx.api("pages/" + id + "/merge");
  if (r.status !== 200) {
    main.replaceChildren(el("p", { role: "alert" }, r.data.error || String(r.status)), el("p", {}, el("a", { href: "#/seite/" + id }, T.back)));
    return;
  }
  const plan = r.data;
  const conflicts = plan.hunks.filter((h) => h.kind === "conflict");
  let n = 0;
  // each conflict's result: null until chosen or edited
  const results = [];
  const parts = plan.hunks.map((h) => {
    if (h.kind === "merged") return el("pre", { class: "merged-part" }, h.text);
    const i = n++;
    results.push(null);
    const label = T.merge_part.replace("{0}", i + 1).replace("{1}", conflicts.length);
    const result = el("textarea", { id: "m-result-" + i, rows: Math.max(3, h.ours.split("\n").length + 1),
      oninput: (e) => { results[i] = e.target.value; check(); } });
    const take = (text) => { result.value = text; results[i] = text; result.focus(); check(); };
    return el("section", { class: "conflict", "aria-labelledby": "m-h-" + i },
      el("h3", { id: "m-h-" + i }, label),
      el("div", { class: "sides" },
        el("div", { class: "side" },
          el("h4", {}, T.ours),
          el("pre", { id: "m-ours-" + i }, h.ours),
          el("button", { type: "button", onclick: () => take(h.ours), "aria-describedby": "m-h-" + i }, T.take_ours)),
        el("div", { class: "side" },
          el("h4", {}, T.theirs),
          el("pre", { id: "m-theirs-" + i }, h.theirs),
          el("button", { type: "button", onclick: () => take(h.theirs), "aria-describedby": "m-h-" + i }, T.take_theirs))),
      el("label", { for: "m-result-" + i }, T.merge_result),
      result);
  });
  const text = () => {
    let k = 0;
    return plan.hunks.map((h) => (h.kind === "merged" ? h.text : results[k++])).join("");
  };
  const status = el("p", { id: "merge-status", role: "status" });
  const diags = el("ul", { id: "merge-diagnostics" });
  const show = (list) => diags.replaceChildren(...(list || []).map((d) =>
    el("li", { class: d.severity }, d.label + ": " + d.message + " (" + T.line + " " + d.line + ")")));
  // once every part has a text, the merged page is checked as a draft is
  let pending = null;
  function check() {
    clearTimeout(pending);
    if (results.some((x) => x === null)) return;
    pending = setTimeout(async () => {
      const c = await ctx.api("pages/" + id + "/merge/draft", "POST", { text: text() });
      if (c.status === 200) show(c.data.diagnostics);
    }, 150);
  }
  main.replaceChildren(
    el("h1", { id: "page-title", tabindex: "-1" }, T.merge_title + ": " + plan.title),
    el("p", {}, el("a", { href: "#/seite/" + id }, T.back), " · ", el("code", {}, plan.file)),
    el("p", {}, conflicts.length ? T.merge_intro : T.merge_clean),
    el("div", { class: "merge" }, parts),
    el("div", { class: "actions" },
      el("button", { type: "button", id: "merge-save", class: "primary", onclick: async () => {
        if (results.some((x) => x === null)) return (status.textContent = T.merge_unresolved);
        const change = await withAuthor({ text: text(), hash: plan.hash, upstream: plan.upstream });
        if (!change) return;
        const w = await ctx.api("pages/" + id + "/merge", "PUT", change);
        if (w.status === 200) return ctx.open(id, T.merged_done + (w.data.warning ? " " + w.data.warning : ""));
        status.textContent = w.data.error || String(w.status);
        show(w.data.diagnostics);
      } }, T.merge_save),
      status),
    diags,
  );
  document.getElementById("page-title").focus();
}
