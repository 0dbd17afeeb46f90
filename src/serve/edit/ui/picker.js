// A page picker: a text field that searches page titles as one types
// (on the server's find index, /api/titel) and offers the matches as a
// listbox, after the ARIA 1.2 combobox pattern: arrow keys move, Enter
// takes, Escape closes. Reference fields, the link button and anything
// else that names a page use it, so all of them find a page the same way
// at ten thousand pages.
"use strict";

let seq = 0;

/**
 * Turns `input` into a combobox.
 * - `query`: extra parameters for /api/titel (`art`, `bereich`)
 * - `onPick(page)`: called with {id, title, kind, slug} when one is taken
 * - `label(page)`: the option's text
 * - `keep(page)`: whether to offer it (a section's own start page is no programme)
 */
export function picker(input, { query = {}, onPick, label = (p) => p.title, keep = () => true }) {
  const list = document.createElement("ul");
  list.id = "pick-" + ++seq;
  list.setAttribute("role", "listbox");
  list.className = "picker";
  list.hidden = true;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.autocomplete = "off";
  let found = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const mark = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", list.children[i].id);
      list.children[i].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const take = (i) => {
    const page = found[i];
    if (!page) return;
    close();
    onPick(page);
  };
  const show = (pages) => {
    found = pages;
    list.replaceChildren(
      ...pages.map((p, i) => {
        const li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = label(p);
        // mousedown, not click: the field keeps its focus
        li.addEventListener("mousedown", (e) => {
          e.preventDefault();
          take(i);
        });
        return li;
      }),
    );
    list.hidden = pages.length === 0;
    input.setAttribute("aria-expanded", String(pages.length > 0));
    active = -1;
  };
  const ask = async () => {
    const q = input.value.trim();
    if (!q) return show([]);
    const mine = ++asked;
    const params = new URLSearchParams({ q, ...query });
    const r = await fetch("/_redaktion/api/titel?" + params);
    if (mine !== asked || !r.ok) return; // a later keystroke's answer counts
    show((await r.json()).pages.filter(keep));
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 60);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && found.length) {
      e.preventDefault();
      if (list.hidden) show(found);
      mark(Math.min(active + 1, found.length - 1));
    } else if (e.key === "ArrowUp" && !list.hidden) {
      e.preventDefault();
      mark(Math.max(active - 1, 0));
    } else if (e.key === "Enter" && !list.hidden && active >= 0) {
      e.preventDefault();
      take(active);
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return list;
}
