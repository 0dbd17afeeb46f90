// The toolbar above the page's text: headings, lists, a link to a page
// picked by title, the handbook's `hinweis`/`achtung` boxes and images.
// Real buttons in one tab stop (role=toolbar, arrow keys move between
// them); every insertion goes through the body's small interface.
"use strict";

import { el } from "./form.js";

const PICKER_LIMIT = 30;

// The whole lines the selection touches, changed by `fn(line, index)`.
// Lines that were selected stay selected (a second click undoes the
// mark); from a bare cursor, the cursor goes to the line's end: selected,
// an inserted `## ` or its line would be replaced by the next key typed.
function eachLine(body, fn) {
  const text = body.text();
  const { from, to } = body.selection();
  const start = text.lastIndexOf("\n", from - 1) + 1;
  let end = text.indexOf("\n", to);
  if (end < 0) end = text.length;
  const out = text.slice(start, end).split("\n").map(fn).join("\n");
  const after = start + out.length;
  body.replace(start, end, out, from === to ? after : start, after);
}

const toggle = (re, add) => (line, i) => (re.test(line) ? line.replace(re, "") : add(i) + line);

// A block shortcode around the selection (or a placeholder, selected so
// that typing replaces it), on lines of its own.
function box(body, name, placeholder) {
  const text = body.text();
  const { from, to } = body.selection();
  const inner = text.slice(from, to) || placeholder;
  const lead = from > 0 && text[from - 1] !== "\n" ? "\n\n" : "";
  const open = lead + "{% " + name + "() %}\n";
  body.replace(from, to, open + inner + "\n{% end %}\n", from + open.length, from + open.length + inner.length);
}

// The link picker: pages by title as you type, found on the server's
// find index like every picker (a slip or a missing accent still finds
// the page); the link itself comes from the server.
function linkPicker(body, ctx) {
  const { T } = ctx;
  const results = el("ul", { class: "picker-results", id: "link-results" });
  const search = el("input", { type: "search", id: "link-search", autocomplete: "off", "aria-controls": "link-results" });
  const dialog = el(
    "dialog",
    { id: "link-picker", "aria-labelledby": "link-picker-h" },
    el("h2", { id: "link-picker-h" }, T.link_title),
    el("label", { for: "link-search" }, T.link_search),
    search,
    results,
    el("button", { type: "button", onclick: () => dialog.close() }, T.cancel),
  );
  const selection = { from: 0, to: 0 };
  async function choose(p) {
    const r = await ctx.api("pages/" + ctx.pageId() + "/link/" + p.id);
    if (r.status !== 200) {
      dialog.close();
      ctx.say(r.data.error || String(r.status));
      return;
    }
    const label = body.text().slice(selection.from, selection.to) || p.title;
    body.replace(selection.from, selection.to, "[" + label + "](" + r.data.link + ")");
    dialog.close();
  }
  let asked = 0;
  async function show() {
    const q = search.value.trim();
    const mine = ++asked;
    let found = ctx.pages();
    if (q) {
      const r = await ctx.api("titel?" + new URLSearchParams({ q }));
      if (mine !== asked) return; // a later keystroke's answer counts
      found = r.status === 200 ? r.data.pages : [];
    }
    found = found.filter((p) => p.id !== ctx.pageId()).slice(0, PICKER_LIMIT);
    results.replaceChildren(
      ...(found.length
        ? found.map((p) => el("li", {},
            // the section tells apart pages of the same title
            el("button", { type: "button", class: "picker-choice", onclick: () => choose(p) },
              p.title, p.section ? el("span", { class: "kind" }, " · " + p.section) : null)))
        : [el("li", {}, T.link_none)]),
    );
  }
  search.addEventListener("input", show);
  search.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      results.querySelector("button")?.focus();
    } else if (e.key === "Enter") {
      e.preventDefault();
      results.querySelector("button")?.click();
    }
  });
  results.addEventListener("keydown", (e) => {
    const buttons = [...results.querySelectorAll("button")];
    const i = buttons.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i < buttons.length - 1) buttons[i + 1].focus();
    else if (e.key === "ArrowUp") (i > 0 ? buttons[i - 1] : search).focus();
    else return;
    e.preventDefault();
  });
  dialog.addEventListener("close", () => body.focus());
  return {
    dialog,
    open() {
      Object.assign(selection, body.selection());
      search.value = "";
      show();
      dialog.showModal();
      search.focus();
    },
  };
}

/** `ctx`: {T, api, pageId(), pages(), say(text), upload(file)}. */
export function toolbar(body, ctx) {
  const { T } = ctx;
  const picker = linkPicker(body, ctx);
  const file = el("input", {
    type: "file",
    id: "image-file",
    accept: "image/png,image/jpeg,image/gif,image/webp",
    hidden: true,
    tabindex: "-1",
    "aria-hidden": "true",
  });
  file.addEventListener("change", () => {
    if (file.files[0]) ctx.upload(file.files[0]);
    file.value = "";
  });
  const action = (label, run) => el("button", { type: "button", tabindex: "-1", onclick: run }, label);
  const buttons = [
    action(T.tb_heading, () => eachLine(body, toggle(/^#{1,6} /, () => "## "))),
    action(T.tb_list, () => eachLine(body, toggle(/^[-*] /, () => "- "))),
    action(T.tb_numbered, () => eachLine(body, toggle(/^\d+\. /, (i) => i + 1 + ". "))),
    action(T.tb_link, () => picker.open()),
    action(T.tb_hinweis, () => box(body, "hinweis", T.box_text)),
    action(T.tb_achtung, () => box(body, "achtung", T.box_text)),
    action(T.tb_image, () => file.click()),
  ];
  buttons[0].tabIndex = 0;
  const bar = el("div", { role: "toolbar", class: "toolbar", "aria-label": T.toolbar, "aria-controls": "body" }, buttons, file);
  // one tab stop; arrows, Home and End move within (WAI-ARIA toolbar pattern)
  bar.addEventListener("keydown", (e) => {
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const to = buttons[(next + buttons.length) % buttons.length];
    buttons.forEach((b) => (b.tabIndex = b === to ? 0 : -1));
    to.focus();
  });
  return { bar, dialog: picker.dialog };
}
