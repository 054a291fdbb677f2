// The published API reference, opened from file:// as a reader would open it offline.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";
import { launchChromium } from "./chromium.js";

const buildDir = join(repoRoot, "build");
const artefacts = join(repoRoot, "test-results");
let browser: Browser;

// Built before the tests are collected: one test per operation of the spec the page shows.
execFileSync("bash", [join(repoRoot, "scripts/docs.sh")], { cwd: repoRoot, stdio: "ignore" });

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
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
});

const bundled = readSpec();

// Each operation at its own address, as a reader opens a link to it: the right panel, the request
// body and the error examples, as the published page shows them.
describe.each(operationsOf(bundled))("the reference's $operationId", (operation) => {
  const { operationId, summary, tags } = operation;
  const route = `/${(tags[0] ?? "").toLowerCase().replaceAll(" ", "-")}/${operationId.toLowerCase()}`;
  let page: Page;
  let section: Locator;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    const address = pathToFileURL(join(buildDir, "docs/index.html")).href;
    await page.goto(`${address}#${route}`, { waitUntil: "load" });
    section = page.locator(`[data-section-id="${route}"]`);
    await section.getByRole("heading", { name: summary }).first().waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it("offers the TypeScript sample first in the right panel, whole and unclipped, and curl beside it", async () => {
    const panel = section.locator(".panel-request-samples");
    const code = panel.locator("pre").first();
    await code.scrollIntoViewIfNeeded();
    const typescript = sample(`${operationId}.ts`);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    expect(squeezed(await code.innerText())).toBe(squeezed(typescript));
    // Unclipped: every line is within the box, none runs past its edge or below it.
    const box = await code.evaluate((pre) => ({
      wide: pre.scrollWidth - pre.clientWidth,
      tall: pre.scrollHeight - pre.clientHeight,
    }));
    expect(box, `${operationId}.ts overflows its box`).toEqual({ wide: 0, tall: 0 });
    expect(await code.isVisible()).toBe(true);

    // The language switch offers curl beside TypeScript; curl shows the .sh sample.
    await panel.getByRole("button", { name: "TypeScript" }).click();
    const offered = await page.getByRole("menuitem").allInnerTexts();
    expect(offered.map((text) => text.trim())).toEqual(
      expect.arrayContaining(["TypeScript", "curl"]),
    );
    await page.getByRole("menuitem", { name: "curl", exact: true }).click();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    expect(squeezed(await panel.locator("pre").first().innerText())).toBe(
      squeezed(sample(`${operationId}.sh`)),
    );
  });

  it.runIf(requestExample(operation) !== undefined)(
    "shows every field of its request example, nested ones such as the card included, without a click",
    async () => {
      const fields = fieldPaths(requestSchema(operation), requestExample(operation));
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        // Redoc renders a field's nested fields as they scroll into view: scroll, never click.
        const label = section.getByText(field, { exact: true }).first();
        await scrollUntil(page, () => label);
        expect(await label.isVisible(), field).toBe(true);
      }
    },
  );

  it("shows its own 403, 404 and 422 examples in the response samples", async () => {
    const samples = section.locator(".panel-response-samples");
    await samples.scrollIntoViewIfNeeded();
    for (const status of ["403", "404", "422"]) {
      const examples = operation.responses[status]?.content?.["application/json"]?.examples ?? {};
      const [name, example] = Object.entries(examples)[0] ?? [];
      expect(name, `${operationId} ${status}`).not.toBe("seedExample");
      await samples.getByText(status, { exact: true }).click();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
      const shown = await samples.innerText();
      expect(shown, `${operationId} ${status}`).toContain(
        JSON.stringify(example?.value?.error?.message),
      );
    }
  });
});

interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  requestBody?: {
    content?: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }>;
  };
  responses: Record<
    string,
    {
      content?: Record<
        string,
        { examples?: Record<string, { value?: { error?: { message?: string } } }> }
      >;
    }
  >;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
}
/** The bundled spec the page was built from (scripts/docs.sh builds it before the tests run). */
function readSpec(): Spec {
  return JSON.parse(readFileSync(join(repoRoot, "build/openapi.json"), "utf8")) as Spec;
}
function operationsOf(spec: Spec): Operation[] {
  return Object.values(spec.paths).flatMap((item) => Object.values(item));
}
function sample(file: string): string {
  return readFileSync(join(repoRoot, "examples/reference", file), "utf8");
}
/** Text with its runs of whitespace made one space, and zero-width spaces gone. */
function squeezed(text: string): string {
  return text
    .replace(/\u200b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function requestSchema(operation: Operation): unknown {
  return operation.requestBody?.content?.["application/json"]?.schema;
}

/** The first example of the operation's JSON request body, as the right panel shows it first. */
function requestExample(operation: Operation): unknown {
  const examples = operation.requestBody?.content?.["application/json"]?.examples ?? {};
  return Object.values(examples)[0]?.value;
}

/**
 * `payment_method.data.pan`: the dotted path of every field of an example that its schema declares
 * (free-form maps such as `metadata` have no fields to show), three levels deep.
 */
function fieldPaths(schema: unknown, value: unknown, prefix = "", depth = 1): string[] {
  const node = resolved(schema);
  if (!isRecord(node) || !isRecord(value) || depth > 3) return [];
  const forms = ["allOf", "anyOf", "oneOf"].flatMap((key) => (node[key] as unknown[]) ?? []);
  const properties = { ...(isRecord(node.properties) ? node.properties : {}) };
  for (const form of forms) {
    const member = resolved(form);
    if (isRecord(member) && isRecord(member.properties))
      Object.assign(properties, member.properties);
  }
  return Object.entries(value)
    .filter(([name]) => Object.hasOwn(properties, name))
    .flatMap(([name, child]) => [
      `${prefix}${name}`,
      ...fieldPaths(properties[name], child, `${prefix}${name}.`, depth + 1),
    ]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** A `#/components/...` reference of the bundled spec, followed. */
function resolved(node: unknown): unknown {
  const ref = isRecord(node) ? node.$ref : undefined;
  if (typeof ref !== "string") return node;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), bundled);
}

/** Scrolls down with the mouse wheel until `target()` is attached, at most 60 steps. */
async function scrollUntil(page: Page, target: () => ReturnType<Page["locator"]>): Promise<void> {
  for (let step = 0; step < 60; step++) {
    if (await target().count()) return;
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
  await target().waitFor({ timeout: 1_000 });
}
