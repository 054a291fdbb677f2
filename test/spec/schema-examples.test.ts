// OpenAPI 3.1 deprecates the Schema Object's `example` for JSON Schema's `examples: [...]`. Every
// schema in the spec uses `examples`, and each of its examples is valid against that schema (ajv,
// a second validator beside Redocly's lint). Parameters keep their own `example` field: that one is
// the Parameter Object's, not deprecated.
import { describe, expect, it } from "vitest";
import { loadSpec, type Schema, schemaErrors } from "../helpers/spec.js";

/** Every Schema Object of the spec with its JSON pointer: found under `schema` and `schemas`. */
function schemas(node: unknown, pointer: string, inSchema: boolean, found: [string, Schema][]) {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) schemas(child, `${pointer}/${i}`, inSchema, found);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  if (inSchema) found.push([pointer, node as Schema]);
  for (const [key, child] of Object.entries(node)) {
    if (key === "examples" && inSchema) continue; // example values, not schemas
    const entersSchema = key === "schema" || pointer.endsWith("/components/schemas");
    schemas(child, `${pointer}/${key}`, inSchema || entersSchema, found);
  }
}

const found: [string, Schema][] = [];
schemas(loadSpec(), "", false, found);

describe("schema examples", () => {
  it("are JSON Schema `examples` arrays, never the deprecated `example`", () => {
    expect(found.length).toBeGreaterThan(50);
    const withExample = found.filter(([, schema]) => "example" in schema).map(([at]) => at);
    expect(withExample).toEqual([]);
    const notArrays = found.filter(([, s]) => "examples" in s && !Array.isArray(s.examples));
    expect(notArrays.map(([at]) => at)).toEqual([]);
  });

  it("are each valid against their schema", () => {
    const withExamples = found.filter(([, schema]) => Array.isArray(schema.examples));
    expect(withExamples.length).toBeGreaterThanOrEqual(30);
    const invalid = withExamples.flatMap(([at, schema]) =>
      (schema.examples as unknown[]).flatMap((example, i) =>
        schemaErrors(schema, example).map((error) => `${at}/examples/${i}: ${error}`),
      ),
    );
    expect(invalid).toEqual([]);
  });
});
