// The tree says where things go (CONTRIBUTING.md, "Touch map"): resources import the machinery in
// src/internal/, never each other; the machinery never imports a resource; and no module imports
// itself back through another (the envelope/transport and options/typed-api cycles are gone).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/repo-root.js";

const src = join(repoRoot, "src");

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? modules(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each module's relative imports inside src/, type-only imports included (a cycle is a cycle). */
const graph = new Map(
  modules(src).map((file) => {
    const imports = [...readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)\.js"/g)]
      .map((match) => `${resolve(dirname(file), match[1] as string)}.ts`)
      .filter((target) => target.startsWith(src));
    return [file, imports] as const;
  }),
);
const name = (file: string) => relative(src, file);

describe("src/", () => {
  it("has no import cycle", () => {
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      for (const next of graph.get(file) ?? []) {
        if (path.includes(next))
          cycles.push([...path.slice(path.indexOf(next)), next].map(name).join(" -> "));
        else if (path.length < 20) visit(next, [...path, next]);
      }
    };
    for (const file of graph.keys()) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it("keeps the machinery apart from the resources, and each resource apart from the others", () => {
    const crossings: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) {
        const [from, to] = [name(file), name(target)];
        const resourceOf = (path: string) =>
          path.startsWith("resources/") ? path.split("/")[1] : undefined;
        if (from.startsWith("internal/") && to.startsWith("resources/"))
          crossings.push(`${from} -> ${to}`);
        if (resourceOf(from) && resourceOf(to) && resourceOf(from) !== resourceOf(to)) {
          crossings.push(`${from} -> ${to}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
