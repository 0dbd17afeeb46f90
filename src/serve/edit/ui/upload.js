// Images for the page's text: chosen with „Bild einfügen“ or dropped on
// the text, sent to the server (which checks and names them and puts
// them beside the page), then a `figure` is inserted whose alt text the
// editor is asked to write; until then the build's check says it is missing.
"use strict";

const API = "/_redaktion/api/";

/** `ctx`: {T, pageId(), say(text)}. */
export async function uploadImage(file, body, ctx) {
  const { T } = ctx;
  ctx.say(T.uploading);
  const form = new FormData();
  form.append("bild", file, file.name);
  const r = await fetch(API + "pages/" + ctx.pageId() + "/bilder", {
    method: "POST",
    headers: { "X-Redaktion": "1" },
    body: form,
  });
  let data = {};
  try {
    data = await r.json();
  } catch (_) {}
  if (r.status !== 200) {
    ctx.say(data.error || String(r.status));
    return;
  }
  const text = body.text();
  const { from, to } = body.selection();
  const lead = from > 0 && text[from - 1] !== "\n" ? "\n\n" : "";
  const before = lead + '{{ figure(src="' + data.src + '", alt="';
  // the cursor waits between the quotes of alt
  body.replace(from, to, before + '") }}\n', from + before.length);
  ctx.say(T.uploaded.replace("{0}", data.src));
}

// Files dropped on the text are uploaded, not read into it as text (which
// is what a code editor does with a dropped file).
export function acceptDrops(dom, onFile, placeAt) {
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes("Files");
  dom.addEventListener("dragover", (e) => {
    if (hasFiles(e)) e.preventDefault();
  }, true);
  dom.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    placeAt(e.clientX, e.clientY);
    for (const f of e.dataTransfer.files) onFile(f);
  }, true);
}
