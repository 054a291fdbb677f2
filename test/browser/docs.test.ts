// The published API reference, opened from file:// as a reader would open it offline.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";
import { launchChromium } from "./chromium.js";

const run = promisify(execFile);
const buildDir = join(repoRoot, "build");
const artefacts = join(repoRoot, "test-results");
let browser: Browser;

beforeAll(async () => {
  await run("bash", [join(repoRoot, "scripts/docs.sh")], { cwd: repoRoot });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("the API reference page", () => {
  it("renders every operation with every status, offline, without console errors", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const leftTheFile: string[] = [];
    const consoleErrors: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      leftTheFile.push(url);
      return route.abort();
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));

    await page.goto(pathToFileURL(join(buildDir, "docs/index.html")).href, { waitUntil: "load" });
    // The page opens at the spec's first tag: Payments.
    await page.getByRole("heading", { name: "Payments" }).first().waitFor();
    // Redoc 3 starts a tag's operations collapsed behind "+ Show"; the built page opens them.
    expect(await page.getByText("+ Show", { exact: true }).count()).toBe(0);
    // Redoc renders operations as they scroll into view: visit each from the sidebar, and read
    // its "Responses" section, which lists its statuses one per line in the spec's order.
    const errors = ["400", "401", "403", "404", "409", "422", "429", "500", "default"];
    // Each operation with the permission its description names ("" where HSRCPAY names none).
    const expected: Record<string, [string, string[]]> = {
      "List API keys": ["account:api:key:read", ["200", ...errors]],
      "Create API key": ["account:api:key:create", ["200", "201", ...errors]],
      "Delete API key": ["account:api:key:delete", ["200", ...errors]],
      "Regenerate managed API key": ["account:api:key:update", ["200", ...errors]],
      "List accounts": ["", ["200", ...errors]],
      "Get account": ["", ["200", ...errors]],
      "Create account": ["", ["200", "201", ...errors]],
      "Update account": ["account:account:update", ["200", ...errors]],
      "Delete account": ["account:account:delete", ["200", ...errors]],
      "List account memberships": ["account:account:read", ["200", ...errors]],
      "Create account membership": ["", ["200", "201", ...errors]],
      "Update account membership": ["", ["200", ...errors]],
      "List charges": ["account:charge:read", ["200", ...errors]],
      "Get charge": ["account:charge:read", ["200", ...errors]],
      "List refunds for a charge": ["", ["200", ...errors]],
      "List customers": ["", ["200", ...errors]],
      "Get customer": ["", ["200", ...errors]],
      "Create customer address": ["", ["200", ...errors]],
      "List webhooks": ["", ["200", ...errors]],
      "Create webhook": ["", ["200", "201", ...errors]],
      "Create payment": ["", ["200", "201", ...errors]],
      "List payments": ["", ["200", ...errors]],
      "Get payment": ["", ["200", ...errors]],
      "Confirm payment": ["", ["200", ...errors]],
    };
    const address = pathToFileURL(join(buildDir, "docs/index.html")).href;
    // Redoc 3 lists a tag's operations in the sidebar only at the tag's address: a reader opens
    // the tag first (its sidebar link), then an operation.
    const tagOf = (name: string) =>
      name.includes("payment")
        ? "payments"
        : name.includes("account membership")
          ? "account-memberships"
          : name.includes("account")
            ? "accounts"
            : name.includes("webhook")
              ? "webhooks"
              : name.includes("customer")
                ? "customers"
                : name.includes("refunds")
                  ? "refunds"
                  : name.includes("charge")
                    ? "charges"
                    : "api-keys";
    let text = "";
    let tag = "payments";
    for (const [name, [permission, statuses]] of Object.entries(expected)) {
      if (tagOf(name) !== tag) {
        tag = tagOf(name);
        // A fresh load at the tag's address, as its link opened in a new tab would be.
        await page.goto("about:blank");
        await page.goto(`${address}#/${tag}`, { waitUntil: "load" });
      }
      await page.getByText(name, { exact: true }).first().click();
      await page.getByRole("heading", { name }).first().waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
      text = await page.locator("body").innerText();
      const section = text.slice(text.lastIndexOf(`\n${name}\n`));
      const lines = section.slice(section.indexOf("Responses\n")).split("\n").slice(1);
      expect(lines.slice(0, lines.indexOf("default") + 1), name).toEqual(statuses);
      if (permission) expect(section, name).toContain(permission);
    }
    await page.waitForLoadState("networkidle");
    expect(text).toContain("/payments/{id}/confirm");
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: join(artefacts, "api-reference.png"), fullPage: false });
    expect(leftTheFile).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows each operation's TypeScript and curl samples: the first tag's on arrival, without a click; each other tag's at its address", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const address = pathToFileURL(join(buildDir, "docs/index.html")).href;
    await page.goto(address, { waitUntil: "load" });
    // The page opens at the spec's first tag: Payments.
    await page.getByRole("heading", { name: "Payments" }).first().waitFor();
    expect(new URL(page.url()).hash).toBe("#/payments");
    expect(await page.getByText("+ Show", { exact: true }).count()).toBe(0);

    const spec = JSON.parse(readFileSync(join(buildDir, "openapi.json"), "utf8")) as Spec;
    const shown: string[] = [];
    let tag = "payments";
    for (const { operationId, summary, tags } of operationsOf(spec)) {
      // Redoc 3 renders a tag's operations only at the tag's address, where a sidebar link goes.
      const route = (tags[0] ?? "").toLowerCase().replaceAll(" ", "-");
      if (route !== tag) {
        tag = route;
        await page.goto(`${address}#/${route}`, { waitUntil: "load" });
      }
      // Redoc renders operations as they scroll into view: scroll (wheel, not a click) to each.
      const section = page.locator(`[data-section-id="/${route}/${operationId.toLowerCase()}"]`);
      await scrollUntil(page, () => section.getByRole("heading", { name: summary }).first());
      for (const [file, line] of [
        [`${operationId}.ts`, /^.*hsrcpay(?:\.\w+)+\(.*$/m],
        [`${operationId}.sh`, /^curl .*$/m],
      ] as const) {
        const sample = readFileSync(join(repoRoot, "examples/reference", file), "utf8");
        const text = line.exec(sample)?.[0].trim() ?? "";
        expect(text, file).not.toBe("");
        const code = section.locator("pre").filter({ hasText: text }).first();
        await code.scrollIntoViewIfNeeded();
        expect(await code.isVisible(), `${file} on the page`).toBe(true);
        shown.push(file);
      }
    }
    expect(shown).toHaveLength(2 * operationsOf(spec).length);
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: join(artefacts, "api-reference-samples.png"), fullPage: false });
    await context.close();
  });
});

interface Spec {
  paths: Record<string, Record<string, { operationId: string; summary: string; tags: string[] }>>;
}
const operationsOf = (spec: Spec) =>
  Object.values(spec.paths).flatMap((item) => Object.values(item));

/** Scrolls down with the mouse wheel until `target()` is attached, at most 60 steps. */
async function scrollUntil(page: Page, target: () => ReturnType<Page["locator"]>): Promise<void> {
  for (let step = 0; step < 60; step++) {
    if (await target().count()) return;
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
  await target().waitFor({ timeout: 1_000 });
}
