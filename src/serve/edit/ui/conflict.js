// A save refused because the file changed on disk since the form loaded
// it (409): both versions side by side, and two ways out. „Meine
// Änderungen übernehmen“ carries the editor's changes over onto the disk
// version (the server merges key by key and line by line, conflict.rs);
// what both changed is named here, and in the text it stands between
// markers that the draft check reports until the editor decides.
import { el, fill } from "./form.js";

// a value as the editor typed it: a list as its items, no JSON brackets
const quote = (v) => {
  if (v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length)) return "–";
  const shown = (x) => (typeof x === "string" ? x : typeof x === "object" ? Object.values(x).join(", ") : String(x));
  return "„" + (Array.isArray(v) ? v.map(shown).join("; ") : shown(v)) + "“";
};

// ctx: { T, api, current(), reopen(), redraw(), check() }
// `disk.differences` (conflict.rs) names each field that differs and
// whether the texts do: the first screen shows those, so two tabs that
// changed only „Beschreibung“ see that, not two identical texts.
export function showConflict(ctx, disk) {
  const { T } = ctx;
  const current = ctx.current();
  const box = document.getElementById("conflict");
  const diff = disk.differences || { fields: [], body: true };
  const fields = diff.fields.length
    ? [el("p", {}, T.conflict_fields),
       el("ul", { class: "conflict-fields" }, diff.fields.map((f) => el("li", {},
         el("strong", {}, labelOf(f.key)),
         el("dl", {},
           el("dt", {}, T.conflict_mine), el("dd", {}, quote(f.mine)),
           el("dt", {}, T.conflict_disk), el("dd", {}, quote(f.disk))))))]
    : [];
  let texts = el("p", {}, T.conflict_same_text);
  if (diff.body) {
    const mine = el("textarea", { id: "c-mine", rows: 10, readonly: true });
    mine.value = current.body;
    const theirs = el("textarea", { id: "c-disk", rows: 10, readonly: true });
    theirs.value = disk.body || "";
    texts = [el("p", {}, T.conflict_text_differs),
      el("div", { class: "columns" },
        el("div", {}, el("label", { for: "c-mine" }, T.conflict_mine), mine),
        el("div", {}, el("label", { for: "c-disk" }, T.conflict_disk), theirs))];
  }
  fill(box,
    el("h2", { id: "conflict-h", tabindex: "-1" }, T.conflict_heading),
    // the ways out first: on a phone the two texts are long
    ...fields,
    el("div", { class: "conflict-ways" },
      current.raw || !current.loaded
        ? null
        : el("button", { type: "button", onclick: () => rebase(ctx, disk) }, T.conflict_rebase),
      el("button", { type: "button", onclick: () => ctx.reopen() }, T.conflict_take)),
    ...[texts].flat(),
  );
  box.hidden = false;
  // the two versions stand below the form: take the editor there
  document.getElementById("conflict-h").focus();
  box.scrollIntoView({ block: "start" });
}

async function rebase(ctx, disk) {
  const { T } = ctx;
  const current = ctx.current();
  const r = await ctx.api("pages/" + current.id + "/rebase", "POST", {
    base: current.loaded,
    mine: { fields: current.fields, body: current.body },
  });
  if (r.status !== 200) {
    document.getElementById("status").textContent = r.data.error || String(r.status);
    return;
  }
  current.fields = r.data.fields;
  current.body = r.data.body;
  current.hash = r.data.hash;
  // a further conflict is measured against the version merged onto
  current.loaded = { fields: disk.fields, body: disk.body };
  ctx.redraw();
  let clashes = r.data.field_conflicts || [];
  const bodyClashes = r.data.body_conflicts || 0;
  // the note outlives a redraw of the form: each field taken from
  // „Ihre Fassung“ redraws it, and the note lists what is left
  const note = () => {
    const box = document.getElementById("conflict");
    fill(box,
      el("h2", { id: "conflict-h", tabindex: "-1" }, T.conflict_heading),
      el("p", { role: "status" }, clashes.length || bodyClashes ? T.rebased_clashes : T.rebased),
      clashes.length
        ? el("ul", {}, clashes.map((c) => el("li", {},
            el("strong", {}, labelOf(c.key)), ": ", T.conflict_mine, " ", quote(c.mine), ", ",
            T.conflict_disk, " ", quote(c.disk), " ",
            el("button", { type: "button", onclick: () => take(c) }, T.take_mine + ": " + labelOf(c.key)))))
        : null,
      bodyClashes ? el("p", {}, T.body_clashes) : null,
    );
    box.hidden = false;
  };
  const take = (c) => {
    if (c.mine === undefined || c.mine === null) delete current.fields[c.key];
    else current.fields[c.key] = c.mine;
    clashes = clashes.filter((x) => x !== c);
    ctx.redraw();
    note();
    ctx.check();
  };
  note();
  document.getElementById("status").textContent = "";
  ctx.check();
}

// the form's own label of a field, else its key
function labelOf(key) {
  const field = document.querySelector(`[data-field="${CSS.escape(key)}"]`);
  const label = field && field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
  return (label && label.textContent.trim()) || key;
}
