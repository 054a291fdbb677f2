// The published API reference, opened from file:// as a reader would open it offline.
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
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
    await page.getByRole("heading", { name: "API keys" }).first().waitFor();
    // Redoc 3 starts each tag's operations collapsed behind "+ Show".
    const show = page.getByText("+ Show", { exact: true });
    if (await show.count()) await show.first().click();
    // Redoc renders operations as they scroll into view: visit each from the sidebar, and read
    // its "Responses" section, which lists its statuses one per line in the spec's order.
    const errors = ["400", "401", "403", "404", "409", "422", "429", "500", "default"];
    const expected: Record<string, [string, string[]]> = {
      "List API keys": ["account:api:key:read", ["200", ...errors]],
      "Create API key": ["account:api:key:create", ["200", "201", ...errors]],
      "Delete API key": ["account:api:key:delete", ["200", ...errors]],
      "Regenerate managed API key": ["account:api:key:update", ["200", ...errors]],
    };
    let text = "";
    for (const [name, [permission, statuses]] of Object.entries(expected)) {
      await page.getByText(name, { exact: true }).first().click();
      await page.getByRole("heading", { name }).first().waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
      text = await page.locator("body").innerText();
      const section = text.slice(text.lastIndexOf(`\n${name}\n`));
      const lines = section.slice(section.indexOf("Responses\n")).split("\n").slice(1);
      expect(lines.slice(0, lines.indexOf("default") + 1), name).toEqual(statuses);
      expect(section, name).toContain(permission);
    }
    await page.waitForLoadState("networkidle");
    expect(text).toContain("/api-keys/{id}/regenerate");
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: join(artefacts, "api-reference.png"), fullPage: false });
    expect(leftTheFile).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
