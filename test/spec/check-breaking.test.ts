// `npm run check:breaking` proven by mutation: each kind of change that breaks a client of the
// released spec is caught, each additive change passes. The mutations are made to a released
// snapshot (openapi/released/0.1.0.json: bundled with its $refs, as every snapshot is, and frozen, so
// these tests do not move with the spec) and compared with scripts/breaking/changes.ts; the version
// rule runs through checkBreaking() on a scratch repository.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breakingChanges, isMajorStep } from "../../scripts/breaking/changes.js";
import { checkBreaking } from "../../scripts/breaking/released.js";
import { repoRoot } from "../helpers/repo-root.js";

// biome-ignore lint/suspicious/noExplicitAny: mutations reach into the spec's JSON freely
type Json = any;
let released: Json;
beforeAll(async () => {
  released = JSON.parse(await readFile(join(repoRoot, "openapi/released/0.1.0.json"), "utf8"));
});

const schema = (spec: Json, name: string) => spec.components.schemas[name];
const operation = (spec: Json, path: string, method: string) => spec.paths[path][method];
const without = (list: string[], item: string) => list.filter((entry) => entry !== item);
const optionalParameter = { name: "q", in: "query", required: false, schema: { type: "string" } };

/** The breaking changes after `mutate`, on a copy of the released spec. */
function changesAfter(mutate: (spec: Json) => void) {
  const after = structuredClone(released);
  mutate(after);
  return breakingChanges(released, after);
}
const create = (spec: Json) => operation(spec, "/api-keys/", "post");

describe("breaking changes", () => {
  it("finds none between the spec and itself", () => {
    expect(breakingChanges(released, structuredClone(released))).toEqual([]);
  });

  it.each<[string, string, (spec: Json) => void]>([
    ["a removed operation", "/post", (s) => delete s.paths["/api-keys/"].post],
    ["a removed path", "/paths/~1api-keys~1", (s) => delete s.paths["/api-keys/"]],
    ["a removed error status", "/responses/404", (s) => delete create(s).responses["404"]],
    ["a removed success status", "/responses/201", (s) => delete create(s).responses["201"]],
    [
      "a removed response field",
      "managed",
      (s) => {
        delete schema(s, "ApiKey").properties.managed;
        schema(s, "ApiKey").required = without(schema(s, "ApiKey").required, "managed");
      },
    ],
    [
      "a response field no longer required",
      "required",
      (s) => {
        schema(s, "ApiKey").required = without(schema(s, "ApiKey").required, "managed");
      },
    ],
    [
      "a new required parameter",
      "/parameters/",
      (s) => create(s).parameters.push({ ...optionalParameter, required: true }),
    ],
    [
      "an optional parameter made required",
      "required",
      (s) => {
        s.components.parameters.IdempotencyKey.required = true;
      },
    ],
    [
      "a new required request field",
      "description",
      (s) => {
        schema(s, "CreateApiKeyRequest").properties.description = { type: "string" };
        schema(s, "CreateApiKeyRequest").required.push("description");
      },
    ],
    [
      "an optional request field made required",
      "required",
      (s) => schema(s, "CreateApiKeyRequest").required.push("expires_at"),
    ],
    [
      "a narrowed request type (null refused)",
      "expires_at/type",
      (s) => {
        schema(s, "CreateApiKeyRequest").properties.expires_at.type = "string";
      },
    ],
    [
      "a narrowed request constraint",
      "name/maxLength",
      (s) => {
        schema(s, "CreateApiKeyRequest").properties.name.maxLength = 20;
      },
    ],
    [
      "a changed request type",
      "name/type",
      (s) => {
        schema(s, "CreateApiKeyRequest").properties.name.type = "integer";
      },
    ],
    [
      "a changed response type",
      "managed/type",
      (s) => {
        schema(s, "ApiKey").properties.managed.type = "string";
      },
    ],
    [
      "a widened response type (null sent)",
      "managed/type",
      (s) => {
        schema(s, "ApiKey").properties.managed.type = ["boolean", "null"];
      },
    ],
    [
      "a removed enum value",
      "/enum/",
      (s) => {
        schema(s, "ApiKeyType").anyOf[0].enum = ["PUBLISHABLE"];
      },
    ],
  ])("include %s", (_, where, mutate) => {
    const changes = changesAfter(mutate);
    expect(changes).not.toEqual([]);
    expect(changes.map((change) => change.pointer).join("\n")).toContain(where);
  });

  it.each<[string, (spec: Json) => void]>([
    [
      "an added optional request field",
      (s) => {
        schema(s, "CreateApiKeyRequest").properties.description = { type: "string" };
      },
    ],
    [
      "an added response field",
      (s) => {
        schema(s, "ApiKey").properties.label = { type: "string" };
      },
    ],
    ["an added optional parameter", (s) => create(s).parameters.push(optionalParameter)],
    [
      "an added operation",
      (s) => {
        s.paths["/api-keys/{id}/revoke"] = { post: { ...create(s), operationId: "revokeApiKey" } };
      },
    ],
    [
      "an added status",
      (s) => {
        create(s).responses["410"] = create(s).responses["404"];
      },
    ],
    ["an added enum value", (s) => schema(s, "ApiKeyType").anyOf[0].enum.push("PUBLISHABLE")],
    [
      "changed descriptions and examples, added code samples",
      (s) => {
        create(s).description = "Changed.";
        create(s)["x-codeSamples"] = [{ lang: "Shell", label: "curl", source: "curl …" }];
        schema(s, "ApiKey").properties.id.example = "key_other";
        schema(s, "ApiKey").description = "Changed.";
      },
    ],
  ])("exclude %s", (_, mutate) => {
    expect(changesAfter(mutate)).toEqual([]);
  });
});

describe("a major step", () => {
  it.each([
    ["0.1.0", "0.2.0", true],
    ["0.1.0", "1.0.0", true],
    ["0.1.3", "0.1.4", false],
    ["0.1.0", "0.1.0", false],
    ["0.0.3", "0.0.4", true],
    ["1.4.2", "2.0.0", true],
    ["1.4.2", "1.5.0", false],
    ["2.0.0", "1.9.0", false],
    ["0.2.0", "0.1.9", false],
  ])("from %s to %s is %s", (from, to, expected) => {
    expect(isMajorStep(from, to)).toBe(expected);
  });
});

describe("checkBreaking (npm run check:breaking)", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "hsrcpay-breaking-"));
    await mkdir(join(scratch, "openapi/released"), { recursive: true });
    await writeFile(join(scratch, "openapi/released/0.2.0.json"), JSON.stringify(released));
    const removedStatus = structuredClone(released);
    delete create(removedStatus).responses["404"];
    await writeFile(join(scratch, "removed-status.json"), JSON.stringify(removedStatus));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  async function check(version: string) {
    await writeFile(join(scratch, "package.json"), JSON.stringify({ version }));
    const { ok, lines } = await checkBreaking(scratch, join(scratch, "removed-status.json"));
    return { ok, output: lines.join("\n") };
  }

  it("fails on a breaking change released under the same major version", async () => {
    const result = await check("0.2.1");
    expect(result.output).toContain("/paths/~1api-keys~1/post/responses/404");
    expect(result.output).toContain("0.2.1 is not a major step from 0.2.0");
    expect(result.ok).toBe(false);
  });

  it("lets it pass when package.json's version is a major step", async () => {
    const result = await check("0.3.0");
    expect(result.output).toContain("allowed: 0.3.0 is a major step from 0.2.0");
    expect(result.ok).toBe(true);
  });

  it("compares with the last release at or below the version, and needs one", async () => {
    await writeFile(join(scratch, "openapi/released/0.3.0.json"), JSON.stringify(released));
    expect((await check("0.3.0")).output).toContain("0.3.0 is not a major step from 0.3.0");
    expect((await check("0.1.0")).output).toContain("no released spec at or below 0.1.0");
    expect((await check("0.1.0")).ok).toBe(false);
  });
});
