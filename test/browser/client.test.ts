// The ESM build of the client, loaded in a real page, against the Prism mock (which answers CORS).
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrismMock, startPrism } from "../../scripts/prism.js";
import { repoRoot } from "../helpers/repo-root.js";
import { launchChromium } from "./chromium.js";

const run = promisify(execFile);
let browser: Browser;
let mock: PrismMock;
let site: Server;
let page: Page;

// The page imports the package's ESM build by its name through an import map, as a bundler would.
const files: Record<string, [string, string]> = {
  "/": ["text/html", ""],
  "/client.js": ["text/javascript", "dist/index.js"],
  "/openapi-fetch.js": ["text/javascript", "node_modules/openapi-fetch/dist/index.mjs"],
};
const html = `<!doctype html><meta charset="utf-8"><title>client</title>
<script type="importmap">{"imports":{"@hsrcpay/client":"/client.js","openapi-fetch":"/openapi-fetch.js"}}</script>
<script type="module">import * as hsrcpay from "@hsrcpay/client"; window.hsrcpay = hsrcpay; document.title = "ready";</script>`;

beforeAll(async () => {
  await run("bash", [join(repoRoot, "scripts/build.sh")], { cwd: repoRoot });
  mock = await startPrism();
  site = createServer(async (req, res) => {
    const file = files[req.url ?? ""];
    if (!file) return res.writeHead(404).end();
    const body = file[1] ? await readFile(join(repoRoot, file[1])) : html;
    res.writeHead(200, { "content-type": file[0] }).end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => document.title === "ready");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mock?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

/** Creates a key in the page; returns what the page saw, as plain data. */
function createInPage(token: string, dangerouslyAllowBrowser: boolean) {
  return page.evaluate(
    async ({ token, baseUrl, dangerouslyAllowBrowser }) => {
      const { createHsrcpayClient, HsrcpayError } = (
        window as unknown as { hsrcpay: typeof import("../../src/index.js") }
      ).hsrcpay;
      try {
        const client = createHsrcpayClient({ token, baseUrl, dangerouslyAllowBrowser });
        const apiKey = await client.apiKeys.create(
          {
            account_id: "acct_1PqR7sT2uV3wX4yZ",
            name: "Browser key",
            permissions: { payments: ["read"] },
          },
          { headers: { Prefer: "code=201" } },
        );
        return {
          ok: true,
          id: apiKey.id,
          object: apiKey.object,
          status: apiKey.lastResponse.status,
          credential: client.credential,
        };
      } catch (error) {
        return {
          ok: false,
          isHsrcpayError: error instanceof HsrcpayError,
          name: (error as Error).name,
          message: (error as Error).message,
        };
      }
    },
    { token, baseUrl: mock.baseUrl, dangerouslyAllowBrowser },
  );
}

describe("the ESM build in Chromium", () => {
  it("creates a key against the mock with a JWT and gets a typed result", async () => {
    const result = await createInPage(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0In0.c2lnbmF0dXJl",
      false,
    );
    expect(result).toEqual({
      ok: true,
      id: "key_4hW8pK2sD6fG0jL3",
      object: "api_key",
      status: 201,
      credential: { kind: "jwt", mode: "live" },
    });
  });

  it("refuses a secret key", async () => {
    const result = await createInPage("sk_test_4eC39HqLyjWDarjtT1zdp7dc", false);
    expect(result).toMatchObject({ ok: false, isHsrcpayError: true, name: "HsrcpayError" });
    expect(result.message).toMatch(/Refusing to use a secret HSRCPAY key in a browser/);
  });

  it("uses a secret key when dangerouslyAllowBrowser is set", async () => {
    const result = await createInPage("sk_test_4eC39HqLyjWDarjtT1zdp7dc", true);
    expect(result).toMatchObject({
      ok: true,
      status: 201,
      credential: { kind: "secret", mode: "sandbox" },
    });
  });
});
