// The README's resource tables are prose around facts the spec and the client hold: each row's
// method and its `METHOD /path` are checked against the generated method table (read from
// src/resources/ and the spec by scripts/generate-operations.ts), so a table cannot drift from
// the client, and an operation added without its row fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { methods } from "../../generated/responses.js";
import { repoRoot } from "../helpers/repo-root.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
/** `| \`payments.retrieve(id, params?, options?)\` | \`GET /payments/{id}\` | … |` rows. */
const rows = [...readme.matchAll(/^\| `([a-zA-Z.]+)\([^`]*\)` \| `([A-Z]+ \/[^`]*)` \|/gm)].map(
  ([, method, operation]) => [method, operation] as const,
);

describe("the README's resource tables", () => {
  it("have one row per method of the client", () => {
    expect(rows.map(([method]) => method).sort()).toEqual(Object.keys(methods).sort());
  });

  it("name the operation each method calls", () => {
    expect(Object.fromEntries(rows)).toEqual(methods);
  });
});
