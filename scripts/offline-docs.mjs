// Makes the Redoc page from `redocly build-docs --inlineBundle` fully self-contained, and open.
//
// Self-contained: even inlined, Redoc 3's "API docs by" badge loads Redocly's logo from its CDN when
// the page is viewed; offline that is a failed request and a console error. We swap the two logo URLs
// for an inline SVG (the attribution text stays). The page bundle also names an icon CDN that this
// spec never makes it use; the browser test watches every request the opened page makes.
//
// Open: Redoc 3 renders a tag's operations only while the address names that tag (#/api-keys);
// elsewhere the tag shows a "+ Show" button that navigates there, and Redoc has no option to start
// expanded. A line of script at the top of <head> opens a page that names no place at the first
// tag, so every operation, its responses and its code samples are on the page without a click.
// (With a second tag, that tag would still start collapsed: the browser test counts operations.)
//
// Unclipped: Redoc 3 shows a code sample in the right panel on one line per source line, cut at the
// panel's edge (a scroll bar at the bottom of the box is all that says so); it has no option to
// wrap. A stylesheet wraps the request samples' lines, so every character of the TypeScript and
// curl samples is on screen.
//
// Each step fails loudly when a Redoc upgrade moves what it relies on.
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

// The pre-rendered menu links each tag ("group") to its route.
const firstTag =
  /class="[^"]*\bmenu-item-type-group\b[^"]*"[^>]*>\s*<a [^>]*href="(\/[^"#?]+)"/.exec(html)?.[1];
if (!firstTag) throw new Error(`${file}: no tag in Redoc's menu; re-check how tags are routed`);
if (!html.includes(`data-section-id="${firstTag}"`)) {
  throw new Error(`${file}: Redoc has no section ${firstTag}; re-check how tags are routed`);
}
if (!html.includes("<head>")) throw new Error(`${file}: no <head> to open the page from`);
const samples = "panel-request-samples";
if (!html.includes(samples)) {
  throw new Error(`${file}: Redoc no longer names the ${samples} panel; re-check how samples wrap`);
}
const wrap = `<style>/* request samples wrap instead of running past the panel */.${samples} pre,.${samples} pre *{white-space:pre-wrap!important;overflow-wrap:anywhere}</style>`;
const open = `<script>/* open at the first tag: its operations render only there */if(!location.hash||location.hash==="#"||location.hash==="#/")history.replaceState(null,"",location.pathname+location.search+"#${firstTag}");</script>`;
html = html.replace("<head>", `<head>${open}${wrap}`);

writeFileSync(file, html);
console.log(
  `made ${file} self-contained (no CDN request at view time), opening at #${firstTag}, samples wrapped`,
);
