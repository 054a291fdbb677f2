// The package as a consumer gets it: `npm pack`, installed into a project outside the repository,
// then imported (ESM), required (CJS), type-checked, and used against the Prism mock.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { freePort } from "../../scripts/prism.js";
import { repoRoot } from "../helpers/repo-root.js";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let consumer: string;
let tarball: string;

const esm = `import spec from "@hsrcpay/client/openapi.json" with { type: "json" };
import { createHsrcpayClient, NotFoundError, HsrcpayError } from "@hsrcpay/client";
import { createHsrcpayMock } from "@hsrcpay/client/testing";
const mock = createHsrcpayMock().on("confirmPayment", { status: 404 });
const mocked = createHsrcpayClient({ token: "sk_test_consumer000000000000", fetch: mock.fetch });
const mockedError = await mocked.payments.confirm("pay_1", { payment_method: { id: "pm_1" } }).catch((e) => e);
const hsrcpay = createHsrcpayClient({ token: "sk_test_consumer000000000000", baseUrl: process.argv[2] });
const apiKey = await hsrcpay.apiKeys.create({ account_id: "acct_1", name: "from ESM", permissions: {} });
const error = await hsrcpay.apiKeys.create({ account_id: "acct_1", name: "x", permissions: {} }, { headers: { Prefer: "code=404" } }).catch((e) => e);
console.log(JSON.stringify({ id: apiKey.id, status: apiKey.lastResponse.status, notFound: error instanceof NotFoundError, base: error instanceof HsrcpayError, openapi: spec.openapi, mock: { notFound: mockedError instanceof NotFoundError, calls: mock.calls.length } }));
`;
const cjs = `const { createHsrcpayClient, HsrcpayValidationError, NotFoundError } = require("@hsrcpay/client");
const { createHsrcpayMock } = require("@hsrcpay/client/testing");
const spec = require("@hsrcpay/client/openapi.json");
const mock = createHsrcpayMock().on("getPayment", { status: 404 });
const mocked = createHsrcpayClient({ token: "sk_test_consumer000000000000", fetch: mock.fetch });
const hsrcpay = createHsrcpayClient({ token: "sk_test_consumer000000000000", baseUrl: process.argv[2] });
hsrcpay.apiKeys.create({ account_id: "", name: "x", permissions: {} }).catch((error) =>
  hsrcpay.apiKeys.create({ account_id: "acct_1", name: "from CJS", permissions: {} }).then((apiKey) =>
    mocked.payments.retrieve("pay_1").catch((notFound) =>
      console.log(JSON.stringify({ id: apiKey.id, validation: error instanceof HsrcpayValidationError, field: error.field, paths: Object.keys(spec.paths), mock: { notFound: notFound instanceof NotFoundError, calls: mock.calls.length } })),
    ),
  ),
);
`;
const ts = `import { type ApiKey, createHsrcpayClient, RateLimitError } from "@hsrcpay/client";
import { createHsrcpayMock, type MockCall } from "@hsrcpay/client/testing";
const mock = createHsrcpayMock();
export const calls: readonly MockCall[] = mock.calls;
// @ts-expect-error an outcome's status is a number
mock.on("createPayment", { status: "409" });
const hsrcpay = createHsrcpayClient({ token: "aaa.bbb.ccc", fetch: mock.fetch });
export async function create(): Promise<ApiKey> {
  // @ts-expect-error permissions maps resources to string arrays
  await hsrcpay.apiKeys.create({ account_id: "acct_1", name: "x", permissions: { payments: "read" } });
  try {
    return await hsrcpay.apiKeys.create({ account_id: "acct_1", name: "typed", permissions: { payments: ["read"] } });
  } catch (error) {
    if (error instanceof RateLimitError) console.log(error.retryAfter satisfies number | undefined);
    throw error;
  }
}
`;
// Answers as exact as the spec, in a project as strict as a careful user's: every mistake a new
// user made in #30 fails to compile (each @ts-expect-error is itself an error if its line compiles),
// and the correct forms compile.
const answers = `import { createHsrcpayClient, declineKind, type DeclineKind } from "@hsrcpay/client";
import { createHsrcpayMock } from "@hsrcpay/client/testing";
const mock = createHsrcpayMock({ stateful: true }).on("payments.confirm", { example: "declined" });
// @ts-expect-error retreive is misspelt
mock.on("payments.retreive", { status: 404 });
// @ts-expect-error stauts is not an outcome field
mock.on("payments.retrieve", { stauts: 404 });
// @ts-expect-error declined is an example of the confirm, not of a retrieve
mock.on("payments.retrieve", { example: "declined" });
const hsrcpay = createHsrcpayClient({ token: "sk_test_consumer000000000000", fetch: mock.fetch });
export const customers = hsrcpay.customers.list({ include_payment_methods: true }).toArray({ limit: 10 });
export const ids = customers.then((all) => all.map((customer) => customer.payment_methods.length));
const card = { pan: "4111111111111111", month: "12", year: "30", cvv: "123" };
export async function checkout(id: string): Promise<DeclineKind | "paid" | "3ds"> {
  const payment = await hsrcpay.payments.retrieve(id, { include_charges: true });
  const captured: number = payment.charges.reduce((sum, charge) => sum + charge.captured_amount, 0);
  // @ts-expect-error stauts is not a field of a payment
  console.log(payment.stauts, captured, payment.metadata["order_id"]);
  // @ts-expect-error SUCEEDED is not a payment status
  if (payment.status === "SUCEEDED") return "paid";
  const plain = await hsrcpay.payments.retrieve(id);
  // @ts-expect-error charges are embedded only with include_charges
  console.log(plain.charges);
  // @ts-expect-error a saved method or card data, not both
  await hsrcpay.payments.confirm(id, { payment_method: { id: "pm_1", data: card } });
  const { payment: after, confirmResult } = await hsrcpay.payments.confirm(id, { payment_method: { data: card } });
  // @ts-expect-error paymentNextActions is not a field of a confirm's result
  console.log(confirmResult.paymentNextActions);
  // @ts-expect-error the kind is requires_action
  if (confirmResult.latestResult.kind === "requires-action") return "3ds";
  if (confirmResult.latestResult.kind === "requires_action") return "3ds";
  if (after.status === "SUCCEEDED" || after.status === "PROCESSING") return "paid";
  return declineKind(confirmResult);
}
`;
const tsconfig = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    lib: ["es2022", "dom"],
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ["consumer.ts", "answers.ts"],
};

beforeAll(async () => {
  await run("bash", [join(repoRoot, "scripts/build.sh")], { cwd: repoRoot });
  consumer = await mkdtemp(join(tmpdir(), "hsrcpay-consumer-"));
  const packs = join(consumer, "packs");
  await mkdir(packs);
  await run(npm, ["pack", "--silent", "--pack-destination", packs], { cwd: repoRoot });
  tarball = join(packs, (await readdir(packs))[0] ?? "");
  await writeFile(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  await run(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
    cwd: consumer,
  });
  await writeFile(join(consumer, "esm.mjs"), esm);
  await writeFile(join(consumer, "cjs.cjs"), cjs);
  await writeFile(join(consumer, "consumer.ts"), ts);
  await writeFile(join(consumer, "answers.ts"), answers);
  await writeFile(join(consumer, "tsconfig.json"), JSON.stringify(tsconfig));
}, 180_000);

afterAll(async () => {
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

const shippedFiles = [
  "CHANGELOG.md",
  "LICENSE",
  "README.md",
  "dist/index.cjs",
  "dist/index.cjs.map",
  "dist/index.d.cts",
  "dist/index.d.ts",
  "dist/index.js",
  "dist/index.js.map",
  "dist/openapi.json",
  "dist/openapi.yaml",
  // The declarations both entries share (the spec's types), in a chunk whose name holds a hash.
  "dist/schema-[hash].d.cts",
  "dist/schema-[hash].d.ts",
  "dist/shared.js",
  "dist/shared.js.map",
  "dist/testing.cjs",
  "dist/testing.cjs.map",
  "dist/testing.d.cts",
  "dist/testing.d.ts",
  "dist/testing.js",
  "dist/testing.js.map",
  "openapi/plugins/hsrcpay.mjs",
  "package.json",
  "redocly.yaml",
];

/** The package's files, sorted, a hashed chunk's name as `[hash]`, in POSIX form. */
const shipped = (files: string[]) =>
  files
    .map((file) =>
      file
        .split(sep)
        .join("/")
        .replace(/^dist\/schema-[\w-]+(?=\.d\.c?ts$)/, "dist/schema-[hash]"),
    )
    .sort();

describe("the packed package in a consumer project", () => {
  it("ships only the build, the spec, its lint rules, the docs and the license", async () => {
    const installed = join(consumer, "node_modules/@hsrcpay/client");
    const entries = await readdir(installed, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(installed, join(entry.parentPath, entry.name)));
    expect(shipped(files)).toEqual(shippedFiles);
    const license = await readFile(join(installed, "LICENSE"), "utf8");
    expect(license).toMatch(/^MIT License\n/);
    const { license: declared } = JSON.parse(
      await readFile(join(installed, "package.json"), "utf8"),
    );
    expect(declared).toBe("MIT");
  });

  it("publishes the same files with the release workflow's command (a dry run, offline)", async () => {
    const workflow = parse(await readFile(join(repoRoot, ".github/workflows/release.yml"), "utf8"));
    const publish: string = workflow.jobs.npm.steps.find(
      (step: { name?: string }) => step.name === "Publish",
    ).run;
    expect(publish).toBe("npm publish --provenance");
    // A registry nobody listens on: npm's look-up of the package fails at once and the dry run goes
    // on; dist/ was built above, so the prepublishOnly build is skipped.
    const registry = `http://127.0.0.1:${await freePort()}/`;
    const [command = "", ...args] = publish.split(" ");
    const { stdout } = await run(
      command === "npm" ? npm : command,
      [
        ...args,
        "--dry-run",
        "--json",
        "--ignore-scripts",
        "--fetch-retries=0",
        "--registry",
        registry,
      ],
      { cwd: repoRoot },
    );
    const [summary] = Object.values(JSON.parse(stdout)) as {
      id: string;
      files: { path: string }[];
    }[];
    expect(summary?.id).toBe(
      `@hsrcpay/client@${JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")).version}`,
    );
    expect(shipped(summary?.files.map((file) => file.path) ?? [])).toEqual(shippedFiles);
  });

  // `npm run check:api` on the dist/ built above: the exported surface is the committed report.
  it.each([
    ["api-report/client.api.md", "api-extractor.json"],
    ["api-report/testing.api.md", "api-extractor.testing.json"],
  ])("exports what %s records (API Extractor)", async (_, config) => {
    const extractor = join(repoRoot, "node_modules/@microsoft/api-extractor/bin/api-extractor");
    const result = await run(process.execPath, [extractor, "run", "--config", config], {
      cwd: repoRoot,
    }).catch((error: { stdout?: string; stderr?: string }) => error);
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    expect(output, "run `npm run api-report` and review the diff").not.toContain("changed the API");
    expect(output).toContain("API Extractor completed successfully");
  });

  // The same gates as `npm run check:package`, on the tarball packed above rather than a second pack.
  it("passes publint --strict (exports, files and fields as a bundler resolves them)", async () => {
    const publint = join(repoRoot, "node_modules/publint/src/cli.js");
    const { stdout } = await run(process.execPath, [publint, "run", tarball, "--strict"]);
    expect(stdout).toContain("All good!");
  });

  it("has types that resolve for every entrypoint and module format (attw)", async () => {
    const attw = join(repoRoot, "node_modules/@arethetypeswrong/cli/dist/index.js");
    const args = [
      attw,
      tarball,
      "--format",
      "json",
      "--exclude-entrypoints",
      "./openapi.yaml",
      "./openapi.json",
    ];
    const { stdout } = await run(process.execPath, args).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? "",
    }));
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: object } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toEqual([".", "./testing", "./package.json"]);
  });

  it("lints its bundled spec with its own redocly.yaml, as another project's CI would", async () => {
    const redocly = join(repoRoot, "node_modules/@redocly/cli/bin/cli.js");
    const installed = "node_modules/@hsrcpay/client";
    const { stderr } = await run(
      process.execPath,
      [redocly, "lint", `${installed}/dist/openapi.yaml`, "--config", `${installed}/redocly.yaml`],
      { cwd: consumer, env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
    );
    expect(stderr).toContain("Your API description is valid");
  });

  it("imports as ESM and creates a key against the mock", async () => {
    const { stdout } = await run(process.execPath, ["esm.mjs", inject("prismBaseUrl")], {
      cwd: consumer,
    });
    expect(JSON.parse(stdout)).toEqual({
      id: "key_9xT2mQ4rL7vN1bZ8",
      status: 200,
      notFound: true,
      base: true,
      openapi: "3.1.0",
      mock: { notFound: true, calls: 1 },
    });
  });

  it("requires as CJS, with working instanceof", async () => {
    const { stdout } = await run(process.execPath, ["cjs.cjs", inject("prismBaseUrl")], {
      cwd: consumer,
    });
    expect(JSON.parse(stdout)).toEqual({
      id: "key_9xT2mQ4rL7vN1bZ8",
      validation: true,
      field: "account_id",
      // The shipped spec's paths are the source spec's, in its order.
      paths: Object.keys(
        parse(await readFile(join(repoRoot, "openapi/openapi.yaml"), "utf8")).paths,
      ),
      mock: { notFound: true, calls: 1 },
    });
  });

  it("type-checks consumer files with tsc in strict mode: a wrong body, a misspelt field or status caught", async () => {
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const { stdout } = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: consumer });
    expect(stdout).toBe("");
  });
});
