// The Redaktion's form controls, one per field shape the server describes
// (/api/schema): texts, choices, lists, references, groups, map points.
// Each writes its value into the page's fields and calls `changed`.
"use strict";

import { picker } from "./picker.js";

let ctx = { T: {}, pages: () => [], changed: () => {} };

/** `T`: the catalogue's words; `pages()`: the page list; `changed()`: after every edit. */
export function setup(c) {
  ctx = c;
}

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, "");
    else e.setAttribute(k, v);
  }
  // what is typed runs in its own direction: Arabic or Hebrew right to
  // left, its full stop at its end, in a German editor
  const typed = tag === "textarea" || (tag === "input" && ["text", "search"].includes(e.type));
  if (typed && !e.hasAttribute("dir")) e.setAttribute("dir", "auto");
  // nested arrays too: a list of [dt, dd] pairs would otherwise be appended as text
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined) e.append(c);
  }
  return e;
}

/** Replaces `node`'s children, leaving out the absent ones as `el` does:
 *  `replaceChildren(null)` would show the word „null“. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
}

/** `node.append` leaving out the absent ones, as `fill` does. */
export function add(node, ...children) {
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
}

let uid = 0;
export const nextId = (key) => "f" + ++uid + "-" + key.replace(/[^a-z0-9_]/gi, "");

// The pages a reference field may name: of its kind, or in its section
// (taxonomies), or any.
function targets(f) {
  return ctx
    .pages()
    .filter((p) => (!f.refers_to || p.kind === f.refers_to) && (!f.section || p.section === f.section) && p.slug);
}

// A reference field searches titles as one types and writes the short
// name (slug) of the page taken, which is what the front matter holds.
function referencePicker(input, f, taken, keep) {
  const query = {};
  if (f.refers_to) query.art = f.refers_to;
  if (f.section) query.bereich = f.section;
  return picker(input, {
    query,
    keep,
    label: (p) => p.title + " (" + p.slug + ")",
    onPick: (p) => {
      input.value = p.slug;
      taken(p.slug);
    },
  });
}

function setValue(obj, key, value) {
  const empty =
    value === "" || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty) delete obj[key];
  else obj[key] = value;
  ctx.changed();
}

export function errorSlot(id) {
  return el("p", { id: id + "-err", class: "field-error", hidden: true });
}

function showError(input, slot, text) {
  slot.textContent = text || "";
  slot.hidden = !text;
  if (text) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

// An unresolved reference is an error at once; a resolved one shows the
// title of the page it names.
function referenceCheck(input, slot, f, named) {
  const v = input.value.trim();
  const page = v && targets(f).find((p) => p.slug === v);
  showError(input, slot, !v || page ? "" : ctx.T[f.missing || "no_page"].replace("{0}", v));
  if (named) named.textContent = page ? "→ " + page.title : "";
}

// One control for a scalar; returns [label, control, error slot].
function scalarControl(f, obj) {
  const id = nextId(f.key);
  const value = obj[f.key];
  const described = { "aria-describedby": id + "-err" };
  let input;
  if (f.type === "textarea") {
    input = el("textarea", { id, rows: 3, ...described });
    input.value = value ?? "";
    input.addEventListener("input", () => setValue(obj, f.key, input.value));
  } else if (f.type === "number") {
    input = el("input", { id, type: "number", step: "any", ...described });
    input.value = value ?? "";
    input.addEventListener("input", () =>
      setValue(obj, f.key, input.value === "" ? null : Number(input.value)),
    );
  } else if (f.type === "boolean" || f.type === "choice") {
    const opts = f.type === "boolean" ? [["true", ctx.T.yes], ["false", ctx.T.no]] : f.options.map((o, i) => [o, f.option_labels ? f.option_labels[i] : o]);
    // a value written by hand that is no option (`concept.html`) is shown as it is, not as „nicht gesetzt“
    if (f.type === "choice" && value !== undefined && value !== null && value !== "" && !f.options.includes(String(value))) {
      opts.push([String(value), String(value)]);
    }
    input = el(
      "select",
      { id, ...described },
      el("option", { value: "" }, f.unset_label || ctx.T.unset),
      opts.map(([v, l]) => el("option", { value: v }, l)),
    );
    input.value = value === undefined || value === null ? "" : String(value);
    input.addEventListener("change", () => {
      const v = input.value;
      setValue(obj, f.key, f.type === "boolean" ? (v === "" ? null : v === "true") : v);
    });
  } else {
    input = el("input", { id, type: "text", ...described });
    input.value = value ?? f.shown ?? "";
    input.addEventListener("input", () => setValue(obj, f.key, input.value));
  }
  input.dataset.field = f.key;
  if (f.required) input.setAttribute("aria-required", "true");
  if (f.format === "email") input.setAttribute("inputmode", "email");
  // a field another tool changes (the short name: „Umbenennen“) is shown, not typed in
  const hint = f.hint ? el("p", { id: id + "-hint", class: "hint" }, f.hint) : null;
  if (f.readonly) {
    input.readOnly = true;
    input.setAttribute("aria-describedby", id + "-hint " + id + "-err");
  }
  return [el("label", { for: id }, f.label), input, hint, errorSlot(id)];
}

// The one page a field names (the programme): a picker offering the
// pages of its section, or every page where the handbook has no such
// section; what is stored is the short name. The title typed in full
// („Neue Wege NRW“) is taken as its page, as the editor meant it.
function referenceControl(f, obj) {
  const isStart = (p) => /(^|\/)_index\.md$/.test(p.file || "");
  const inSection = ctx.pages().some((p) => p.section === f.section && p.slug && !isStart(p));
  const g = { ...f, section: inSection ? f.section : undefined, missing: "no_page_named" };
  const offered = () => targets(g).filter((p) => !isStart(p));
  const id = nextId(f.key);
  const named = el("p", { id: id + "-page", class: "hint named" });
  const hint = el("p", { id: id + "-hint", class: "hint" }, ctx.T.reference_hint);
  const input = el("input", { id, type: "text", "aria-describedby": `${id}-hint ${id}-err ${id}-page` });
  input.value = obj[f.key] ?? "";
  input.dataset.field = f.key;
  const slot = errorSlot(id);
  const fold = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  const update = () => {
    const v = input.value.trim();
    const pages = offered();
    if (v && !pages.some((p) => p.slug === v)) {
      const titled = pages.filter((p) => fold(p.title) === fold(v));
      if (titled.length === 1) input.value = titled[0].slug;
    }
    setValue(obj, f.key, input.value.trim());
    referenceCheck(input, slot, g, named);
  };
  // as in a list: half typed is no mistake while the picker offers titles
  input.addEventListener("input", () => {
    const v = input.value.trim();
    if (!v || offered().some((p) => p.slug === v)) return update();
    showError(input, slot, "");
    named.textContent = "";
  });
  input.addEventListener("change", update);
  const ids = () => new Set(offered().map((p) => p.id));
  const options = referencePicker(input, g, update, (p) => ids().has(p.id));
  referenceCheck(input, slot, g, named);
  return el("div", { class: "field reference" }, el("label", { for: id }, f.label), hint, input, options, named, slot);
}

// A list of texts or references: one input per entry, add and remove.
function listControl(f, obj) {
  const box = el("fieldset", { class: "list", "data-field": f.key }, el("legend", {}, f.label));
  const items = Array.isArray(obj[f.key]) ? [...obj[f.key]] : [];
  const store = () => setValue(obj, f.key, items.filter((v) => v !== ""));
  const draw = () => {
    box.replaceChildren(el("legend", {}, f.label));
    if (f.type === "references") box.append(el("p", { class: "hint" }, ctx.T.reference_hint));
    items.forEach((v, i) => {
      const id = nextId(f.key + i);
      const isRef = f.type === "references";
      const named = isRef ? el("p", { id: id + "-page", class: "hint named" }) : null;
      const input = el("input", {
        id,
        type: "text",
        "aria-describedby": id + "-err" + (isRef ? " " + id + "-page" : ""),
      });
      input.value = v;
      const slot = errorSlot(id);
      const update = () => {
        items[i] = input.value;
        store();
        if (isRef) referenceCheck(input, slot, f, named);
      };
      // a reference is taken when it names a page or the field is left:
      // „Kreis B“ on the way to „Kreis Borken“ is no mistake to report
      // (nor to check on the server) while the picker offers titles
      const typed = () => {
        const v = input.value.trim();
        if (!v || targets(f).some((p) => p.slug === v)) return update();
        showError(input, slot, "");
        named.textContent = "";
      };
      input.addEventListener("input", isRef ? typed : update);
      if (isRef) input.addEventListener("change", update);
      const options = isRef ? referencePicker(input, f, update) : null;
      if (isRef) referenceCheck(input, slot, f, named);
      const remove = el("button", { type: "button", onclick: () => { items.splice(i, 1); store(); draw(); } }, ctx.T.remove);
      remove.setAttribute("aria-label", ctx.T.remove + ": " + f.label + " " + (i + 1));
      box.append(el("div", { class: "item" }, el("label", { for: id }, f.label + " " + (i + 1)), input, remove, options, named, slot));
    });
    box.append(
      el("button", { type: "button", onclick: () => { items.push(""); draw(); box.querySelector(".item:last-of-type input").focus(); } },
        ctx.T.add + ": " + f.label),
    );
  };
  draw();
  return box;
}

// A list of groups (contacts, modules, …): a fieldset per group.
function groupsControl(f, obj) {
  const box = el("fieldset", { class: "groups", "data-field": f.key });
  const groups = Array.isArray(obj[f.key]) ? obj[f.key].map((g) => ({ ...g })) : [];
  const store = () => setValue(obj, f.key, groups.filter((g) => Object.keys(g).length));
  const draw = () => {
    box.replaceChildren(el("legend", {}, f.label));
    groups.forEach((g, i) => {
      const inner = el("fieldset", { class: "group" }, el("legend", {}, f.label + " " + (i + 1)));
      const proxy = new Proxy(g, {
        set(t, k, v) { t[k] = v; store(); return true; },
        deleteProperty(t, k) { delete t[k]; store(); return true; },
      });
      for (const sub of f.fields) inner.append(fieldControl(sub, proxy, true));
      if (f.fields.some((sub) => sub.required || sub.format)) watchGroup(inner, f, g);
      inner.append(el("button", { type: "button", onclick: () => { groups.splice(i, 1); store(); draw(); } },
        ctx.T.remove + ": " + f.label + " " + (i + 1)));
      box.append(inner);
    });
    box.append(el("button", { type: "button", onclick: () => { groups.push({}); draw(); } }, ctx.T.add + ": " + f.label));
  };
  draw();
  return box;
}

// A group's own rules, said as one leaves a field: a contact needs its
// name once anything else of it is filled in (a new, empty entry is no
// mistake yet), an e-mail address needs the form of one. The server's
// check says the same on saving; this says it where the editor types.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function watchGroup(inner, f, g) {
  const check = () => {
    const filled = Object.values(g).some((x) => String(x ?? "").trim());
    for (const sub of f.fields) {
      const input = inner.querySelector(`[data-field="${CSS.escape(sub.key)}"]`);
      const slot = input && document.getElementById(input.id + "-err");
      if (!slot) continue;
      const v = String(g[sub.key] ?? "").trim();
      let text = "";
      if (sub.required && !v && filled) text = ctx.T.name_missing;
      if (sub.format === "email" && v && !EMAIL.test(v)) text = ctx.T.email_invalid.replace("{0}", v);
      showError(input, slot, text);
    }
  };
  inner.addEventListener("focusout", check);
  // once said, the hint goes as soon as the value is mended
  inner.addEventListener("input", () => {
    if (inner.querySelector("[aria-invalid=true]")) check();
  });
  check();
}

function pointControl(f, obj) {
  const point = obj[f.key] && typeof obj[f.key] === "object" ? { ...obj[f.key] } : {};
  const proxy = new Proxy(point, {
    set(t, k, v) { t[k] = v; setValue(obj, f.key, Object.keys(t).length ? { ...t } : null); return true; },
    deleteProperty(t, k) { delete t[k]; setValue(obj, f.key, Object.keys(t).length ? { ...t } : null); return true; },
  });
  return el("fieldset", { class: "point", "data-field": f.key }, el("legend", {}, f.label),
    f.fields.map((sub) => fieldControl(sub, proxy, true)));
}

export function fieldControl(f, obj, inGroup) {
  let control;
  if (f.type === "list" || f.type === "references") control = listControl(f, obj);
  else if (f.type === "groups") control = groupsControl(f, obj);
  else if (f.type === "point") control = pointControl(f, obj);
  else if (f.type === "reference") control = referenceControl(f, obj);
  else control = el("div", { class: "field" }, scalarControl(f, obj));
  if (!inGroup) control.classList.add("top");
  return control;
}

