// Makes the Redoc page from `redocly build-docs --inlineBundle` fully self-contained.
// Even inlined, Redoc 3's "API docs by" badge loads Redocly's logo from its CDN when the page is
// viewed; offline that is a failed request and a console error. We swap the two logo URLs for an
// inline SVG (the attribution text stays), and fail loudly when a Redoc upgrade moves them. The page
// bundle also names an icon CDN that this spec never makes it use; the browser test watches every
// request the opened page makes.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
if (!file) throw new Error("usage: node scripts/offline-docs.mjs build/docs/index.html");

const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;
const cdnLogos = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];

let html = readFileSync(file, "utf8");
for (const url of cdnLogos) {
  if (!html.includes(url)) {
    throw new Error(`${file}: Redoc no longer references ${url}; re-check what the page loads`);
  }
  html = html.split(url).join(logo);
}
writeFileSync(file, html);
console.log(`made ${file} self-contained (no CDN request at view time)`);
