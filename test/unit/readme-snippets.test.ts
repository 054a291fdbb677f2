// Every TypeScript snippet in README.md compiles against the package's source, as a user would paste
// it: `@hsrcpay/client` maps to src/index.ts; `hsrcpay` and `params` exist where a snippet uses
// them without declaring them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { clientOptionNames, requestOptionNames } from "../../src/internal/options.js";
import { repoRoot } from "../helpers/repo-root.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
const dir = mkdtempSync(join(tmpdir(), "hsrcpay-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context: Record<string, string> = {
  hsrcpay: 'declare const hsrcpay: import("@hsrcpay/client").HsrcpayClient;\n',
  params: 'declare const params: import("@hsrcpay/client").CreateApiKeyParams;\n',
};

function preambleFor(code: string): string {
  const declares = (id: string) =>
    new RegExp(`\\b(?:const|let)\\s+(?:\\{[^}]*\\b${id}\\b[^}]*\\}|${id})\\s*=`).test(code);
  return Object.entries(context)
    .filter(([id]) => !declares(id))
    .map(([, line]) => line)
    .join("");
}

// One program for every snippet: each is its own module, so a name declared in one cannot leak into
// another, and the library and lib files are checked once instead of once per snippet.
let diagnostics: Map<string, string[]> | undefined;
function diagnosticsOf(file: string): string[] {
  if (!diagnostics) {
    const files = snippets.map((code, i) => {
      // .mts: an ES module, where top-level await is allowed, as in the README.
      const path = join(dir, `snippet-${i + 1}.mts`);
      writeFileSync(path, `${preambleFor(code)}${code}\nexport {};\n`);
      return path;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules/@types")],
      baseUrl: repoRoot,
      paths: {
        "@hsrcpay/client": ["src/index.ts"],
        "@hsrcpay/client/testing": ["src/testing/index.ts"],
        // The testing example is a vitest file; the snippets compile outside the repository.
        vitest: ["node_modules/vitest/dist/index.d.ts"],
      },
      allowImportingTsExtensions: false,
      skipLibCheck: true,
    });
    diagnostics = new Map(files.map((path) => [path, []]));
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const messages = d.file && diagnostics.get(d.file.fileName);
      messages?.push(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      // A diagnostic outside the snippets (in src/, say) fails every snippet rather than none.
      if (!messages) for (const list of diagnostics.values()) list.push(String(d.messageText));
    }
  }
  return diagnostics.get(file) ?? [`${file} was not compiled`];
}

describe("README.md", () => {
  it("shows the testing example as the file npm test runs, verbatim", () => {
    const example = readFileSync(join(repoRoot, "examples/testing/checkout.test.ts"), "utf8");
    expect(snippets).toContain(example);
  });

  it("has TypeScript snippets", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(6);
  });

  it.each(snippets.map((code, i) => [i + 1, code.split("\n")[0]] as const))(
    "snippet %i (%s) compiles",
    (i) => {
      expect(diagnosticsOf(join(dir, `snippet-${i}.mts`))).toEqual([]);
    },
    30_000,
  );
});

/** The names in the first column of the README table whose first header cell is `header`. */
function tableNames(header: string): string[] {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  expect(start, `README.md has no table headed "${header}"`).toBeGreaterThanOrEqual(0);
  const names: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    names.push(/^\| `([^`]+)` \|/.exec(line)?.[1] ?? line);
  }
  return names;
}

describe("README.md's option tables list every option, and only those", () => {
  // Each name once; sorted, since the tables order them for a reader.
  it("per call: RequestOptions' keys", () => {
    expect(tableNames("per-call option").sort()).toEqual([...requestOptionNames].sort());
  });

  it("on the client: HsrcpayClientOptions' keys", () => {
    expect(tableNames("client option").sort()).toEqual([...clientOptionNames].sort());
  });
});

describe("README.md's install commands", () => {
  it("name the tarball npm pack writes for this version", () => {
    const { name, version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    // npm pack's file name: the scope's @ dropped, its / made a -.
    const tarball = `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
    const install = readme.slice(
      readme.indexOf("## Install"),
      readme.indexOf("## Using the client"),
    );
    const commands = /```sh\n([\s\S]*?)```/.exec(install)?.[1] ?? "";
    expect(commands).toContain("npm pack");
    expect(commands).toContain(`# writes ${tarball}`);
    expect(commands).toContain(`npm install /path/to/the/clone/${tarball}`);
  });
});
