// A page that imports the package's ESM build by its name through an import map, as a bundler
// would, served from a local site on 127.0.0.1; `window.hsrcpay` is the package, and
// `window.hsrcpayTesting` its `@hsrcpay/client/testing`.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { repoRoot } from "../helpers/repo-root.js";

const run = promisify(execFile);

const files: Record<string, [string, string]> = {
  "/": ["text/html", ""],
  "/client.js": ["text/javascript", "dist/index.js"],
  // The code the client and @hsrcpay/client/testing share, which both import as ./shared.js.
  "/shared.js": ["text/javascript", "dist/shared.js"],
  "/testing.js": ["text/javascript", "dist/testing.js"],
  "/openapi-fetch.js": ["text/javascript", "node_modules/openapi-fetch/dist/index.mjs"],
};
const html = `<!doctype html><meta charset="utf-8"><title>client</title>
<script type="importmap">{"imports":{"@hsrcpay/client":"/client.js","@hsrcpay/client/testing":"/testing.js","openapi-fetch":"/openapi-fetch.js"}}</script>
<script type="module">import * as hsrcpay from "@hsrcpay/client"; import * as testing from "@hsrcpay/client/testing"; window.hsrcpay = hsrcpay; window.hsrcpayTesting = testing; document.title = "ready";</script>`;

export interface ClientPage {
  page: Page;
  close(): Promise<void>;
}

/** Builds dist/, serves it, and opens a page in `browser` once the package has loaded. */
export async function openClientPage(browser: Browser): Promise<ClientPage> {
  await run("bash", [join(repoRoot, "scripts/build.sh")], { cwd: repoRoot });
  const site = createServer(async (req, res) => {
    const file = files[req.url ?? ""];
    if (!file) return res.writeHead(404).end();
    const body = file[1] ? await readFile(join(repoRoot, file[1])) : html;
    res.writeHead(200, { "content-type": file[0] }).end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => document.title === "ready");
  return { page, close: () => new Promise((resolve) => site.close(() => resolve())) };
}
