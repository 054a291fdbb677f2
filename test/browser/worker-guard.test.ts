// The secret-key guard in a browser's workers: a dedicated worker and a service worker still run on
// the visitor's machine, so a secret key is refused there as in a page (Cloudflare Workers, which
// define WorkerGlobalScope too, are a server: `npm run test:runtimes` shows a key accepted there).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";
import { launchChromium } from "./chromium.js";

// Classic worker script, so that one file serves both kinds: it answers each message on the port
// it was sent with.
const workerScript = `importScripts("/client.js");
self.onmessage = (event) => {
  let answer;
  try {
    const client = hsrcpay.createHsrcpayClient({ baseUrl: "https://api.hsrcpay.test/v1", ...event.data });
    answer = { ok: true, credential: client.credential };
  } catch (error) {
    answer = { ok: false, isHsrcpayError: error instanceof hsrcpay.HsrcpayError, message: error.message };
  }
  answer.workerScope = typeof WorkerGlobalScope;
  event.ports[0].postMessage(answer);
};`;
const html = `<!doctype html><meta charset="utf-8"><title>workers</title>`;

let browser: Browser;
let site: Server;
let page: Page;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [join(repoRoot, "src/index.ts")],
    bundle: true,
    format: "iife",
    globalName: "hsrcpay",
    platform: "browser",
    write: false,
  });
  const files: Record<string, string> = {
    "/": html,
    "/client.js": bundled.outputFiles[0]?.text ?? "",
    "/worker.js": workerScript,
  };
  site = createServer((req, res) => {
    const body = files[req.url ?? ""];
    if (body === undefined) return res.writeHead(404).end();
    const type = req.url === "/" ? "text/html" : "text/javascript";
    res.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
});

type Kind = "dedicated worker" | "service worker";
const secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

/** Builds a client inside a worker of `kind` with `options`; what the worker saw, as plain data. */
function inWorker(kind: Kind, options: { token: string; dangerouslyAllowBrowser?: boolean }) {
  return page.evaluate(
    async ({ kind, options }) => {
      let target: { postMessage(message: unknown, transfer: Transferable[]): void } | null;
      if (kind === "dedicated worker") {
        target = new Worker("/worker.js");
      } else {
        await navigator.serviceWorker.register("/worker.js");
        target = (await navigator.serviceWorker.ready).active;
      }
      if (!target) throw new Error(`no ${kind}`);
      const channel = new MessageChannel();
      const answer = new Promise((resolve) => {
        channel.port1.onmessage = (event) => resolve(event.data);
      });
      target.postMessage(options, [channel.port2]);
      return answer as Promise<{
        ok: boolean;
        workerScope: string;
        credential?: unknown;
        isHsrcpayError?: boolean;
        message?: string;
      }>;
    },
    { kind, options },
  );
}

describe.each<Kind>(["dedicated worker", "service worker"])(
  "the secret-key guard in a browser's %s",
  (kind) => {
    it("refuses a secret key, as in a page", async () => {
      const answer = await inWorker(kind, { token: secret });
      expect(answer).toMatchObject({ ok: false, isHsrcpayError: true, workerScope: "function" });
      expect(answer.message).toMatch(/Refusing to use a secret HSRCPAY key in a browser/);
    });

    it("accepts it with dangerouslyAllowBrowser, and a JWT without", async () => {
      expect(await inWorker(kind, { token: secret, dangerouslyAllowBrowser: true })).toEqual({
        ok: true,
        credential: { kind: "secret", mode: "sandbox" },
        workerScope: "function",
      });
      expect(await inWorker(kind, { token: "aaa.bbb.ccc" })).toMatchObject({
        ok: true,
        credential: { kind: "jwt", mode: "live" },
      });
    });
  },
);
