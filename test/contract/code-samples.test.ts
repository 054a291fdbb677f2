// The API reference's code samples (each operation's x-codeSamples) are files in examples/reference/,
// named by operationId: `npm run typecheck` compiles the TypeScript ones, and this suite runs both
// kinds against the Prism mock, so a sample cannot drift from the client or the spec. The samples
// call HSRCPAY's production host as a user's copy would; sample-host.ts (TypeScript) and a `curl`
// wrapper (shell) send those requests to the mock instead.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { components } from "../../src/index.js";
import { repoRoot } from "../helpers/repo-root.js";
import { firstExample, operations } from "../helpers/spec.js";

const run = promisify(execFile);
const samplesDir = join(repoRoot, "examples/reference");
const token = "sk_test_samples000000000000000";
type ApiKeyEnvelope = components["schemas"]["ApiKeyEnvelope"];
type ApiKeyListEnvelope = components["schemas"]["ApiKeyListEnvelope"];
interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const samplesOf = (operationId: string): CodeSample[] => {
  const found = operations().find((operation) => operation.operationId === operationId);
  return (found as { "x-codeSamples"?: CodeSample[] } | undefined)?.["x-codeSamples"] ?? [];
};
const operationIds = operations().map((operation) => operation.operationId);

describe("each operation's code samples in the spec", () => {
  it.each(operationIds)(
    "%s has a TypeScript sample and a curl sample, from its files",
    async (id) => {
      const samples = samplesOf(id);
      expect(samples.map(({ lang, label }) => `${lang} ${label}`)).toEqual([
        "TypeScript TypeScript",
        "Shell curl",
      ]);
      expect(samples[0]?.source).toBe(await readFile(join(samplesDir, `${id}.ts`), "utf8"));
      expect(samples[1]?.source).toBe(await readFile(join(samplesDir, `${id}.sh`), "utf8"));
    },
  );

  it("leaves no sample file without its operation", async () => {
    const files = (await readdir(samplesDir)).sort();
    const expected = operationIds.flatMap((id) => [`${id}.sh`, `${id}.ts`]).sort();
    expect(files).toEqual(expected);
  });
});

describe("the TypeScript samples, run against the mock", () => {
  let output = "";
  let errors = "";

  beforeAll(async () => {
    // One process runs every sample module in turn: a sample's top-level code is what it shows.
    const runner = `for (const id of ${JSON.stringify(operationIds)}) {
      console.log("### " + id);
      await import("./examples/reference/" + id + ".ts");
    }`;
    const { stdout, stderr } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        "./test/contract/sample-host.ts",
        "--input-type=module",
        "-e",
        runner,
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          HSRCPAY_API_KEY: token,
          HSRCPAY_SAMPLE_MOCK: inject("prismBaseUrl"),
        },
        timeout: 60_000,
      },
    );
    output = stdout;
    errors = stderr;
  }, 90_000);

  const printed = (id: string): string[] =>
    (output.split(`### ${id}\n`)[1] ?? "").split("### ")[0]?.trim().split("\n") ?? [];

  it("send nothing Prism finds out of spec", () => {
    expect(errors).toBe("");
  });

  it("createApiKey prints the new key's id, type, status and HTTP status", () => {
    const { data } = firstExample<ApiKeyEnvelope>("createApiKey", "200");
    expect(printed("createApiKey")).toEqual([`${data.id} ${data.type} ${data.status} 200`]);
  });

  it("listApiKeys prints the first page's counts, then every key", () => {
    const page = firstExample<ApiKeyListEnvelope>("listApiKeys", "200");
    expect(printed("listApiKeys")).toEqual([
      `${page.total} keys on ${page.pages} pages`,
      ...page.data.map((key) => `${key.id} ${key.name} ${key.managed ? "managed" : "custom"}`),
    ]);
  });

  it("deleteApiKey prints the deleted id", () => {
    expect(printed("deleteApiKey")).toEqual(["key_9xT2mQ4rL7vN1bZ8 true 200"]);
  });

  it("regenerateManagedApiKey prints the rotated managed key", () => {
    const { data } = firstExample<ApiKeyEnvelope>("regenerateManagedApiKey", "200");
    expect(printed("regenerateManagedApiKey")).toEqual([`${data.id} ${data.managed} 200`]);
  });
});

describe("the curl samples, run against the mock", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "hsrcpay-curl-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  // The sample's curl, pointed at the mock, keeping the status, headers and body.
  const wrapper = `set -euo pipefail
curl() {
  local args=()
  for arg in "$@"; do args+=("\${arg/https:\\/\\/api.hsrcpay.com\\/v1/$HSRCPAY_SAMPLE_MOCK}"); done
  command curl --silent --show-error --dump-header "$SCRATCH/headers" --output "$SCRATCH/body" \\
    --write-out '%{http_code}' "\${args[@]}"
}
source "$1"`;

  it.each(operationIds)("%s answers the spec's example, in spec", async (id) => {
    const file = join(samplesDir, `${id}.sh`);
    await run("bash", ["-n", file]);
    const { stdout: status } = await run("bash", ["-c", wrapper, "sample", file], {
      env: {
        ...process.env,
        HSRCPAY_API_KEY: token,
        HSRCPAY_SAMPLE_MOCK: inject("prismBaseUrl"),
        SCRATCH: scratch,
      },
    });
    expect(status).toBe("200");
    expect(await readFile(join(scratch, "headers"), "utf8")).not.toMatch(/^sl-violations:/im);
    const text = await readFile(join(scratch, "body"), "utf8");
    // A success that is not JSON (consuming a one-time link: text or HTML) is one of its examples.
    const content = operations().find((o) => o.operationId === id)?.responses["200"]?.content;
    if (content !== undefined && !("application/json" in content)) {
      const examples = Object.values(content).map((m) => Object.values(m.examples ?? {})[0]?.value);
      expect(examples).toContain(text);
      return;
    }
    expect(JSON.parse(text)).toEqual(firstExample(id, "200"));
  });
});
