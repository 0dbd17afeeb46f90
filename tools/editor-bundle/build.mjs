// esbuild, with one change to CodeMirror's style loader (style-mod): it
// puts its rules into a <style> element unless it is mounted in a shadow
// root, and the Redaktion's Content-Security-Policy (style-src 'self')
// rightly blocks <style> elements, which would leave the editor without
// its own styles. A constructed stylesheet (document.adoptedStyleSheets)
// is CSSOM, which the policy allows, and every browser the editor
// supports has it on documents too; older ones keep the <style> path.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";

const [outfile] = process.argv.slice(2);
const constructedSheets = {
  name: "constructed-sheets",
  setup(b) {
    b.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const from = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
      if (!source.includes(from)) throw new Error("style-mod changed: look at build.mjs again");
      return { contents: source.replace(from, "if (root.adoptedStyleSheets && win.CSSStyleSheet) {"), loader: "js" };
    });
  },
};

await build({
  entryPoints: ["entry.js"],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "none",
  metafile: true,
  outfile,
  plugins: [constructedSheets],
  logLevel: "warning",
}).then(async (r) => {
  const { writeFile } = await import("node:fs/promises");
  await writeFile("meta.json", JSON.stringify(r.metafile));
});
