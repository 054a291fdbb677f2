// Every TypeScript snippet in README.md compiles against the package's source, as a user would paste
// it: `@hsrcpay/client` maps to src/index.ts; `hsrcpay` and `params` exist where a snippet uses
// them without declaring them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
const dir = mkdtempSync(join(tmpdir(), "hsrcpay-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context: Record<string, string> = {
  hsrcpay: 'declare const hsrcpay: import("@hsrcpay/client").HsrcpayClient;\n',
  params: 'declare const params: import("@hsrcpay/client").CreateApiKeyParams;\n',
};

function compile(code: string, name: string): string[] {
  const declares = (id: string) =>
    new RegExp(`\\b(?:const|let)\\s+(?:\\{[^}]*\\b${id}\\b[^}]*\\}|${id})\\s*=`).test(code);
  const preamble = Object.entries(context)
    .filter(([id]) => !declares(id))
    .map(([, line]) => line)
    .join("");
  // .mts: an ES module, where top-level await is allowed, as in the README.
  const file = join(dir, `${name}.mts`);
  writeFileSync(file, `${preamble}${code}\nexport {};\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    typeRoots: [join(repoRoot, "node_modules/@types")],
    baseUrl: repoRoot,
    paths: { "@hsrcpay/client": ["src/index.ts"] },
    allowImportingTsExtensions: false,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("README.md", () => {
  it("has TypeScript snippets", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(6);
  });

  it.each(snippets.map((code, i) => [i + 1, code.split("\n")[0], code] as const))(
    "snippet %i (%s) compiles",
    (i, _, code) => {
      expect(compile(code, `snippet-${i}`)).toEqual([]);
    },
    30_000,
  );
});
