// Bundles each page's entry point (src/<page>/main.js, and its CSS) into ../wwwroot/assets/<page>.js
// (and .css), minified, with no reference to any CDN: the browser loads only what the Frontend serves.
import { build } from "esbuild";
import { readdirSync, existsSync, rmSync } from "node:fs";

const pages = readdirSync("src", { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(`src/${d.name}/main.js`))
  .map(d => d.name);

// Chunk names carry content hashes: without this, every rebuild would leave the old ones behind.
rmSync("../wwwroot/assets/chunks", { recursive: true, force: true });

await build({
  entryPoints: Object.fromEntries(pages.map(p => [p, `src/${p}/main.js`])),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "esm",
  // Shared code and lazily imported modules (the playground's grammars) go to chunks beside the pages.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  target: ["es2022"],
  outdir: "../wwwroot/assets",
  loader: { ".woff2": "file", ".woff": "file" },
  logLevel: "warning",
});
console.log(`built ${pages.join(", ")} into wwwroot/assets`);
