// What an editor offers for `type` and `status`: TypeScript's language service, the one behind
// editors' completions, asked at the opening quote of a value against generated/schema.ts. With the
// enums collapsed to `string` (as openapi-typescript prints an open enum) it offers nothing; the
// generated types offer the documented values (test/types/exact-answers.test-d.ts checks the same
// types with the compiler).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";

const schemaFile = join(repoRoot, "generated/schema.ts");
const userFile = join(repoRoot, "generated/__completion__.ts");

// One language service for every question: loading the default library is most of its cost.
const files = new Map([
  [userFile, ""],
  [schemaFile, readFileSync(schemaFile, "utf8")],
]);
let version = 0;
const service = ts.createLanguageService({
  getScriptFileNames: () => [...files.keys()],
  getScriptVersion: (name) => (name === userFile ? String(version) : "0"),
  getScriptSnapshot: (name) => {
    const source = files.get(name) ?? (ts.sys.fileExists(name) ? ts.sys.readFile(name) : undefined);
    return source === undefined ? undefined : ts.ScriptSnapshot.fromString(source);
  },
  getCurrentDirectory: () => repoRoot,
  getCompilationSettings: () => ({ strict: true, noEmit: true, lib: ["lib.es2022.d.ts"] }),
  getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
  fileExists: (name) => files.has(name) || ts.sys.fileExists(name),
  readFile: (name) => files.get(name) ?? ts.sys.readFile(name),
});

/** What the editor offers at `|` in `code`, a file beside generated/schema.ts. */
function completionsAt(code: string): string[] {
  files.set(userFile, code.replace("|", ""));
  version++;
  const completions = service.getCompletionsAtPosition(userFile, code.indexOf("|"), {});
  return (completions?.entries ?? []).map((entry) => entry.name);
}

const preamble = 'import type { components } from "./schema";\ntype S = components["schemas"];\n';

describe("completions for enums", () => {
  it("offer SECRET for a key's type", () => {
    expect(completionsAt(`${preamble}const type: S["ApiKeyType"] = "|";`)).toContain("SECRET");
  });

  it("offer ACTIVE for a key's status, also when comparing a key's field", () => {
    expect(completionsAt(`${preamble}const status: S["ApiKeyStatus"] = "|";`)).toContain("ACTIVE");
    expect(
      completionsAt(`${preamble}declare const key: S["ApiKey"];\nif (key.status === "|") {}`),
    ).toContain("ACTIVE");
  });

  it("offer every documented status of a payment, and of a confirm's latest result", () => {
    const offered = completionsAt(
      `${preamble}declare const p: S["Payment"];\nif (p.status === "|") {}`,
    );
    expect(offered).toEqual(expect.arrayContaining(["SUCCEEDED", "REQUIRES_ACTION", "EXPIRED"]));
    expect(offered).toHaveLength(9);
    expect(
      completionsAt(
        `${preamble}declare const r: S["ConfirmResult"];\nif (r.latestResult.kind === "|") {}`,
      ),
    ).toEqual(["success", "requires_action", "error"]);
  });

  it("offer nothing for a plain string, so the checks above can fail", () => {
    expect(completionsAt(`${preamble}const name: S["ApiKey"]["name"] = "|";`)).toEqual([]);
  });
});
