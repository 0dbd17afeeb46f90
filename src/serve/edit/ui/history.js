// Git in the Redaktion's page: the editor's name for each commit (asked
// once, kept in this browser), and a page's „Verlauf“: its commits, each
// with its differences to the current file, and „Diese Fassung
// wiederherstellen“, which loads that version into the form as a draft.
// Nothing is written until the editor saves it as any other change.
"use strict";

import { el } from "./form.js";
import { dialog } from "./dialog.js";

const NAME_KEY = "redaktion:name";
let ctx = null;
let enabled = false;

/** `ctx`: {api, T, current(), restore(fields, body, note)} */
export async function setupHistory(c) {
  ctx = c;
  const r = await ctx.api("history");
  enabled = r.status === 200 && r.data.enabled === true;
}

/**
 * `body` with the editor's name when the handbook is in Git, asking for
 * it the first time; `null` when the editor cancels.
 */
export async function withAuthor(body) {
  if (!enabled) return body;
  let name = localStorage.getItem(NAME_KEY);
  if (!name) name = await askName();
  if (!name) return null;
  return { ...body, author: name };
}

function askName() {
  const T = ctx.T;
  return new Promise((resolve) => {
    let answered = false;
    const d = dialog(T.author, (d, close) => {
      const input = el("input", { id: "author-name", type: "text", required: true, maxlength: "100",
        autocomplete: "name", "aria-describedby": "author-hint" });
      d.append(el("form", { onsubmit: (e) => {
        e.preventDefault();
        const name = input.value.trim();
        if (!name || /[<>]/.test(name)) {
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
        localStorage.setItem(NAME_KEY, name);
        answered = true;
        resolve(name);
        close();
      } },
        el("label", { for: "author-name" }, T.author), input,
        el("p", { id: "author-hint", class: "hint" }, T.author_hint),
        el("div", { class: "actions" },
          el("button", { type: "submit" }, T.author_ok),
          el("button", { type: "button", onclick: close }, T.cancel))));
      setTimeout(() => input.focus());
    });
    d.addEventListener("close", () => { if (!answered) resolve(null); });
  });
}

/** The „Verlauf“ button, only where there is a history. */
export function historyButton() {
  if (!enabled) return null;
  return el("button", { type: "button", id: "history", onclick: openHistory }, ctx.T.history);
}

const when = (iso) => {
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short" });
};

// Removed and added lines carry a sign and a hidden word, not only a colour.
function diffView(lines) {
  const T = ctx.T;
  if (!lines.length) return el("p", {}, T.history_same);
  return el("pre", { class: "diff", tabindex: "0", "aria-label": T.history_diff }, lines.map((l) => {
    if (l.tag === "@") return el("div", { class: "hunk" }, l.text);
    const cls = l.tag === "-" ? "del" : l.tag === "+" ? "ins" : "same";
    const word = l.tag === "-" ? T.removed_line : l.tag === "+" ? T.added_line : null;
    return el("div", { class: cls },
      el("span", { class: "sign", "aria-hidden": "true" }, l.tag === " " ? "  " : l.tag === "-" ? "− " : "+ "),
      word ? el("span", { class: "visually-hidden" }, word + ": ") : null,
      l.text);
  }));
}

async function openHistory() {
  const T = ctx.T;
  const page = ctx.current();
  const r = await ctx.api("pages/" + page.id + "/history");
  dialog(T.history, (d, close) => {
    if (r.status !== 200) {
      d.append(el("p", { role: "alert" }, r.data.error || String(r.status)));
    } else if (!r.data.entries.length) {
      d.append(el("p", {}, T.history_none));
    } else {
      const shown = el("div", { id: "version", "aria-live": "polite" });
      const show = async (entry) => {
        const v = await ctx.api("pages/" + page.id + "/history/" + entry.commit);
        if (v.status !== 200) {
          shown.replaceChildren(el("p", { role: "alert" }, v.data.error || String(v.status)));
          return;
        }
        shown.replaceChildren(
          el("h3", {}, when(entry.date) + " · " + entry.author),
          el("p", {}, entry.message),
          el("h4", {}, T.history_diff),
          diffView(v.data.diff),
          el("button", { type: "button", class: "restore", onclick: () => {
            close();
            ctx.restore(v.data.fields, v.data.body, T.history_restored);
          } }, T.history_restore));
      };
      d.append(
        el("ol", { class: "history" }, r.data.entries.map((entry) => el("li", {},
          el("button", { type: "button", class: "link", onclick: () => show(entry) },
            when(entry.date) + " · " + entry.author + " · " + entry.message)))),
        shown);
    }
    d.append(el("div", { class: "actions" }, el("button", { type: "button", onclick: close }, T.close)));
    d.querySelector("button")?.focus();
  });
}
