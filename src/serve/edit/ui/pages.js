// „Neue Seite“, „Umbenennen“ and „Löschen“ in the Redaktion. Each opens a
// modal <dialog> (keyboard: Tab, Esc closes); rename and delete first ask
// the server what they would change and show it, and write only when the
// editor confirms. Writes carry the editor's name (history.js) for Git.
"use strict";

import { add, el, fill } from "./form.js";
import { dialog } from "./dialog.js";
import { withAuthor } from "./history.js";
import { draftKey } from "./pagelist.js";

let ctx = null;

/** `ctx`: {api, T, current(), open(id, note), refresh(), home(note)} */
export function setupPages(c) {
  ctx = c;
}

function alertLine(text) {
  return el("p", { role: "alert", class: "field-error" }, text);
}

/** The „Neue Seite“ button for the page list. */
export function newPageButton() {
  return el("button", { type: "button", id: "new-page", onclick: openNewPage }, ctx.T.new_page);
}

async function openNewPage() {
  const T = ctx.T;
  const form = await ctx.api("pages/new");
  if (form.status !== 200) return;
  const kinds = Object.fromEntries(form.data.kinds.map((k) => [k.kind, k]));
  dialog(T.new_page, (d, close) => {
    const kind = el("select", { id: "np-kind" },
      form.data.kinds.map((k) => el("option", { value: k.kind }, k.label)));
    const title = el("input", { id: "np-title", type: "text", required: true, autocomplete: "off" });
    const section = el("select", { id: "np-section" },
      el("option", { value: "" }, "—"),
      form.data.sections.map((s) => el("option", { value: s }, s)));
    // kinds with a section of their own (regions, concepts, agreements)
    // always go there; the others may go into any section
    const sectionRow = el("div", {}, el("label", { for: "np-section" }, T.new_section), section);
    const follow = () => { sectionRow.hidden = Boolean(kinds[kind.value]?.section); };
    kind.addEventListener("change", follow);
    const out = el("div", { id: "np-out" });
    // shown only when the title's short name is taken: the server offers
    // a free one, which the editor may take or change
    const slug = el("input", { id: "np-slug", type: "text", autocomplete: "off", spellcheck: "false" });
    const slugRow = el("div", { hidden: true }, el("label", { for: "np-slug" }, T.new_slug), slug);
    title.addEventListener("input", () => { slugRow.hidden = true; slug.value = ""; });
    d.append(el("form", { onsubmit: async (e) => {
      e.preventDefault();
      const body = await withAuthor({ kind: kind.value, title: title.value, section: sectionRow.hidden ? "" : section.value,
        slug: slugRow.hidden ? "" : slug.value });
      if (!body) return;
      const r = await ctx.api("pages/new", "POST", body);
      if (r.status !== 200) {
        out.replaceChildren(alertLine(r.data.error || String(r.status)));
        if (r.data.suggestion) {
          slug.value = r.data.suggestion;
          slugRow.hidden = false;
          out.append(el("p", {}, T.new_slug_offered));
        }
        (slugRow.hidden ? title : slug).focus();
        return;
      }
      close();
      await ctx.refresh();
      // every new page starts as a draft: said at once, with the way out
      ctx.open(r.data.id, T.created_draft + (r.data.warning ? " " + r.data.warning : ""));
    } },
      el("label", { for: "np-kind" }, T.new_kind), kind,
      el("label", { for: "np-title" }, T.new_title), title,
      sectionRow,
      out,
      slugRow,
      el("div", { class: "actions" },
        el("button", { type: "submit" }, T.create),
        el("button", { type: "button", onclick: close }, T.cancel))));
    follow();
    title.focus();
  });
}

/** „Umbenennen“ and „Löschen“ for the page in the form. */
export function pageButtons() {
  return [
    el("button", { type: "button", id: "rename", onclick: openRename }, ctx.T.rename),
    el("button", { type: "button", id: "delete", onclick: openDelete }, ctx.T.delete),
  ];
}

// The lines a rename changes, each as before and after, marked by words
// and signs, not only by colour; a line added (the old address under
// `aliases:`) has no before.
function changeList(lines) {
  return el("ul", { class: "changes" }, lines.map((l) => el("li", {},
    el("code", {}, l.file + ":" + l.line),
    l.before ? el("div", { class: "del" }, el("span", { class: "sign", "aria-label": ctx.T.removed_line }, "− "), l.before) : null,
    l.after ? el("div", { class: "ins" }, el("span", { class: "sign", "aria-label": ctx.T.added_line }, "+ "), l.after) : null)));
}

// Lines of editions that may name the page: shown, not changed.
function editionLines(lines) {
  if (!lines || !lines.length) return null;
  return el("div", { class: "editions" },
    el("p", {}, ctx.T.in_editions),
    el("ul", { class: "elsewhere" }, lines.map((l) => el("li", {},
      el("code", {}, l.file + ":" + l.line), " ", el("code", {}, l.text.trim())))));
}

function openRename() {
  const T = ctx.T;
  const page = ctx.current();
  dialog(T.rename, (d, close) => {
    const slug = el("input", { id: "rn-slug", type: "text", required: true, autocomplete: "off",
      value: page.file.split("/").pop().replace(/\.md$/, "") });
    const out = el("div", { id: "rn-out", "aria-live": "polite" });
    const ask = async (e) => {
      e.preventDefault();
      const r = await ctx.api("pages/" + page.id + "/rename", "POST", { slug: slug.value });
      if (r.status !== 200) {
        out.replaceChildren(alertLine(r.data.error || String(r.status)));
        return;
      }
      const go = el("button", { type: "button", id: "rn-confirm", onclick: async () => {
        const body = await withAuthor({ slug: slug.value, confirm: true, hash: page.hash });
        if (!body) return;
        const done = await ctx.api("pages/" + page.id + "/rename", "POST", body);
        if (done.status !== 200) {
          out.append(alertLine(done.data.error || String(done.status)));
          return;
        }
        // an unsaved draft follows the page to its new id
        const kept = localStorage.getItem(draftKey(page.id));
        if (kept) localStorage.setItem(draftKey(done.data.id), kept);
        localStorage.removeItem(draftKey(page.id));
        close();
        await ctx.refresh();
        ctx.open(done.data.id, T.renamed + (done.data.warning ? " " + done.data.warning : ""));
      } }, T.rename_confirm);
      fill(out,
        el("p", {}, el("code", {}, r.data.file.from), " → ", el("code", {}, r.data.file.to)),
        r.data.lines.length ? el("p", {}, T.rename_list) : el("p", {}, T.rename_none),
        r.data.lines.length ? changeList(r.data.lines) : null,
        editionLines(r.data.editions),
        go);
      go.focus();
    };
    d.append(el("form", { onsubmit: ask },
      el("label", { for: "rn-slug" }, T.rename_slug), slug,
      el("div", { class: "actions" },
        el("button", { type: "submit" }, T.rename_check),
        el("button", { type: "button", onclick: close }, T.cancel))),
      out);
    slug.focus();
  });
}

async function openDelete() {
  const T = ctx.T;
  const page = ctx.current();
  const r = await ctx.api("pages/" + page.id + "/references");
  const refs = r.status === 200 ? r.data.references : [];
  const inEditions = r.status === 200 ? r.data.editions : [];
  dialog(T.delete, (d, close) => {
    const out = el("div", { "aria-live": "polite" });
    const go = el("button", { type: "button", id: "del-confirm", onclick: async () => {
      const body = await withAuthor({ confirm: true });
      if (!body) return;
      const done = await ctx.api("pages/" + page.id, "DELETE", body);
      if (done.status !== 200) {
        out.replaceChildren(alertLine(done.data.error || String(done.status)));
        return;
      }
      localStorage.removeItem(draftKey(page.id));
      close();
      await ctx.refresh();
      const files = done.data.files ? " " + T.deleted_files.replace("{0}", done.data.files) : "";
      ctx.home((refs.length ? T.deleted_refs : T.deleted) + files + (done.data.warning ? " " + done.data.warning : ""));
    } }, refs.length || inEditions.length ? T.delete_confirm : T.delete_plain);
    add(d,
      el("p", {}, T.delete_sure, " ", el("code", {}, page.file)),
      refs.length ? el("p", {}, T.delete_refs) : null,
      refs.length ? el("ul", { class: "changes" }, refs.map((m) => el("li", {},
        el("a", { href: "#/seite/" + m.id, onclick: close }, m.title || m.file), " ",
        el("code", {}, m.file + ":" + m.line), " ", el("code", {}, m.text.trim())))) : null,
      editionLines(inEditions),
      out,
      el("div", { class: "actions" }, go, el("button", { type: "button", onclick: close }, T.cancel)));
    go.focus();
  });
}
