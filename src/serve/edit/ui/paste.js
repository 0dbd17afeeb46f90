// Text pasted from Word, LibreOffice or Google Docs, as Markdown: their
// plain text writes a list item as „•<Tab>Punkt“ (a second level „o<Tab>“,
// a third „§<Tab>“), a paragraph as one line, and hides soft hyphens in
// words. Pasted as it is, the bullets and paragraphs ran into one
// paragraph with no message. Text from anywhere else is left alone (a
// line of code copied from an editor must stay one line).
"use strict";

// What the office programs put into the HTML they copy beside the text.
const OFFICE = /urn:schemas-microsoft-com:office|content="?Microsoft Word|<meta name="?generator"? content="?LibreOffice|docs-internal-guid/i;

const BULLETS = [
  [/^[ \t]*[•●■▪◦○▫□‣⁃][ \t]+/, ""],
  // a dash or a dot starts a sentence too: a bullet only before a tab
  [/^[ \t]*[·–]\t[ \t]*/, ""],
  [/^o\t/, "  "],
  [/^§\t/, "    "],
  [/^[ \t]*[\uF0A7\uF0B7][ \t]+/, ""], // Symbol and Wingdings bullets as they arrive
];

/** The Markdown for `text` pasted with `html` beside it; `null` when it is no office text. */
export function fromOffice(text, html) {
  if (!html || !OFFICE.test(html)) return null;
  const lines = text.replace(/\r\n?/g, "\n").replace(/\u00ad/g, "").split("\n");
  const out = [];
  let previous = null; // "item", "text" or "blank"
  for (const raw of lines) {
    let line = raw.replace(/[ \t]+$/, "");
    let kind = line.trim() === "" ? "blank" : "text";
    for (const [bullet, indent] of BULLETS) {
      if (bullet.test(line)) {
        line = indent + "- " + line.replace(bullet, "");
        kind = "item";
        break;
      }
    }
    const numbered = /^(\d+)[.)]\t[ \t]*/.exec(line);
    if (kind === "text" && numbered) {
      line = numbered[1] + ". " + line.slice(numbered[0].length);
      kind = "item";
    }
    // each of Word's paragraphs is a line: a blank line keeps it one
    // here, and between a paragraph and a list
    if (previous && previous !== "blank" && kind !== "blank" && !(previous === "item" && kind === "item")) {
      out.push("");
    }
    if (kind !== "blank" || previous !== "blank") out.push(line);
    previous = kind;
  }
  return out.join("\n");
}
