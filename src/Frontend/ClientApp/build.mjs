// Bundles each page's entry point (src/<page>/main.js, and its CSS) into ../wwwroot/assets/<page>.js
// (and .css), minified, with no reference to any CDN: the browser loads only what the Frontend serves.
import { build } from "esbuild";
import { readdirSync, existsSync } from "node:fs";

const pages = readdirSync("src", { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(`src/${d.name}/main.js`))
  .map(d => d.name);

await build({
  entryPoints: Object.fromEntries(pages.map(p => [p, `src/${p}/main.js`])),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "esm",
  target: ["es2022"],
  outdir: "../wwwroot/assets",
  loader: { ".woff2": "file", ".woff": "file" },
  logLevel: "warning",
});
console.log(`built ${pages.join(", ")} into wwwroot/assets`);
