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
  it("renders Create API key with every status, offline, without console errors", async () => {
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
    await page.getByRole("heading", { name: "Create API key" }).first().waitFor();
    await page.waitForLoadState("networkidle");

    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    const text = await page.locator("body").innerText();
    // Each operation's "Responses" section lists its statuses one per line, in the spec's order,
    // ending with `default`: list, create, delete and regenerate, in the spec's path order.
    const errors = ["400", "401", "403", "404", "409", "422", "429", "500", "default"];
    const blocks = text
      .split("Responses\n")
      .slice(1)
      .map((block) => block.split("\n").slice(0, block.split("\n").indexOf("default") + 1));
    expect(blocks).toEqual([
      ["200", ...errors],
      ["200", "201", ...errors],
      ["200", ...errors],
      ["200", ...errors],
    ]);
    expect(text).toContain("/api-keys/");
    expect(text).toContain("account:api:key:create");
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: join(artefacts, "api-reference.png"), fullPage: false });
    expect(leftTheFile).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
