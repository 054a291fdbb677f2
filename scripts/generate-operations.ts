// Writes generated/operations.ts: what the client needs of each operation at run time, read from the
// spec so that a new operation costs no hand-written mirror of it:
// - its call kind: a paginated list (the success envelope has `pages`), an unpaginated one (`data` is
//   an array without totals), a delete (a DELETE whose success has no `data`), or one object;
// - where each of its params goes (path, query or body), under the wire names;
// - the checks its schemas state, as a subset of JSON Schema that src/internal/checks.ts reads (types,
//   required fields, closed objects, bounds, lengths, patterns, `oneOf` of required sets); formats
//   and everything else are left to the server (CONTRIBUTING.md, "Request checks");
// - the names of secret properties (`x-hsrcpay-secret: true`), which the redactor masks.
//
// With a RESPONSES path it also writes what the in-process mock (src/testing/) answers: each
// operation's declared statuses with their first example, kept apart so that the main entry does
// not carry the examples.
//
// usage: tsx scripts/generate-operations.ts SPEC OUT RESPONSES [--check]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}
interface MediaType {
  schema: Schema;
  examples?: Record<string, { value: unknown }>;
  example?: unknown;
}
interface Operation {
  operationId: string;
  summary: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

const methods = ["get", "put", "post", "delete", "patch"];
// The JSON Schema keywords the client's checker reads; every other one is the server's to judge.
const kept = new Set([
  "type",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "pattern",
  "items",
  "properties",
  "required",
  "additionalProperties",
  "anyOf",
  "oneOf",
]);

// Keywords that say nothing the checker should enforce: documentation, and `format`, which the
// written policy leaves to the server. Any other keyword stops the generator, so that a spec that
// starts using one (`allOf`, `not`, `const`…) cannot be checked more loosely without anyone noticing.
const ignored = new Set(["description", "examples", "example", "format", "default", "title"]);

/** The part of a schema the checker reads; `{}` (anything) when nothing is left. */
function rule(schema: Schema): Schema {
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ignored.has(keyword) || keyword.startsWith("x-")) continue;
    if (!kept.has(keyword))
      throw new Error(`a request schema uses "${keyword}", which the checker does not read`);
    if (keyword === "items" || keyword === "additionalProperties") {
      out[keyword] = typeof value === "object" ? rule(value as Schema) : value;
    } else if (keyword === "properties") {
      out[keyword] = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([name, sub]) => [name, rule(sub)]),
      );
    } else if (keyword === "anyOf" || keyword === "oneOf") {
      out[keyword] = (value as Schema[]).map(rule);
    } else out[keyword] = value;
  }
  return out;
}

function secretNames(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) secretNames(item, found);
  else if (node !== null && typeof node === "object") {
    const properties = (node as Schema).properties as Record<string, Schema> | undefined;
    for (const [name, sub] of Object.entries(properties ?? {})) {
      if (sub?.["x-hsrcpay-secret"] === true) found.add(name);
    }
    for (const value of Object.values(node)) secretNames(value, found);
  }
  return found;
}

/** The schema of the operation's first success response (200 or 201 read the same). */
function successSchema(operation: Operation): Schema {
  const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
  return success?.[1].content?.["application/json"]?.schema ?? {};
}

/** What a success response says of the call's kind. */
function kindOf(method: string, operation: Operation): string {
  const properties = (successSchema(operation).properties ?? {}) as Record<string, Schema>;
  if (properties.pages !== undefined && properties.total !== undefined) return "page";
  if (properties.data?.type === "array") return "list";
  if (properties.data === undefined || properties.data.type === "null") {
    if (method !== "delete") {
      throw new Error(`${operation.operationId}: a void success on a ${method}`);
    }
    return "deleted";
  }
  return "object";
}

/**
 * The success data's schema, and the field it may be wrapped in: a `data` that is either an object
 * or that same object under one field (`anyOf: [Payment, { payment: Payment }]`, where HSRCPAY's
 * pages disagree) is read as the object either way.
 */
function dataOf(operation: Operation): { data: Schema; unwrap?: string } {
  let data = ((successSchema(operation).properties ?? {}) as Record<string, Schema>).data ?? {};
  if (data.type === "array") data = (data.items ?? {}) as Schema;
  const branches = (data.anyOf ?? []) as Schema[];
  if (branches.length !== 2) return { data };
  for (const [index, wrapper] of branches.entries()) {
    const inner = branches[1 - index] as Schema;
    const fields = Object.entries((wrapper.properties ?? {}) as Record<string, Schema>);
    const [name, sub] = fields[0] ?? [];
    if (fields.length === 1 && name && JSON.stringify(sub) === JSON.stringify(inner)) {
      return { data: inner, unwrap: name };
    }
  }
  return { data };
}

/** The JSON type a schema's value always has, as `typeof` names it, if it has one. */
function primitiveOf(schema: Schema): string | undefined {
  const types = schema.anyOf
    ? (schema.anyOf as Schema[]).map((branch) => branch.type)
    : [schema.type];
  const [first] = types;
  if (!types.every((type) => type === first)) return undefined;
  return first === "integer"
    ? "number"
    : ["string", "boolean", "number"].includes(first as string)
      ? (first as string)
      : undefined;
}

/** A structured object (one with required fields), alone or as `anyOf: [object, null]`. */
function structuredOf(schema: Schema): { object: Schema; nullable: boolean } | undefined {
  const isStructured = (branch: Schema) =>
    branch.type === "object" && Array.isArray(branch.required) && branch.required.length > 0;
  if (isStructured(schema)) return { object: schema, nullable: false };
  const branches = (schema.anyOf ?? []) as Schema[];
  const object = branches.find(isStructured);
  const rest = branches.filter((branch) => branch !== object);
  if (object && rest.length === 1 && rest[0]?.type === "null") return { object, nullable: true };
  return undefined;
}

/**
 * What the success data must hold for the answer to be the object it claims, by path and the
 * `typeof` each must have. A resource (an object with an `id`) must have its id and its secrets as
 * strings (a created key without its `key` is not a created key); a value object inside the data
 * (a confirm's `confirmResult`) every required string, boolean and number, which is what callers
 * branch on. Each required structured object (one with required fields of its own) must be an
 * object, and an optional one (`paymentNextAction`) an object or absent (`object?`), with the same
 * rule inside. Free-form maps (`metadata`) are not structured and are left to the caller.
 */
function shapeOf(data: Schema, at = "", shape: Record<string, string> = {}) {
  const required = new Set((data.required ?? []) as string[]);
  const properties = (data.properties ?? {}) as Record<string, Schema>;
  const resource = properties.id !== undefined;
  for (const [name, sub] of Object.entries(properties)) {
    const path = `${at}${name}`;
    const structured = structuredOf(sub);
    if (structured) {
      if (!required.has(name) || structured.nullable) shape[path] = "object?";
      else shape[path] = "object";
      shapeOf(structured.object, `${path}.`, shape);
      continue;
    }
    if (!required.has(name)) continue;
    const type = primitiveOf(sub);
    if (resource) {
      if (type === "string" && (name === "id" || sub["x-hsrcpay-secret"] === true)) {
        shape[path] = "string";
      }
    } else if (type !== undefined) shape[path] = type;
  }
  return shape;
}

function describe(method: string, operation: Operation) {
  const where: Record<string, string> = {};
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const take = (name: string, location: string, schema: Schema, isRequired: boolean) => {
    if (where[name])
      throw new Error(`${operation.operationId}: "${name}" is both ${where[name]} and ${location}`);
    where[name] = location;
    properties[name] = rule(schema);
    if (isRequired) required.push(name);
  };
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === "path" || parameter.in === "query") {
      take(parameter.name, parameter.in, parameter.schema, parameter.required === true);
    }
  }
  const body = operation.requestBody?.content["application/json"]?.schema;
  const params: Schema = { type: "object" };
  if (body) {
    const bodyRequired = new Set((body.required ?? []) as string[]);
    for (const [name, sub] of Object.entries((body.properties ?? {}) as Record<string, Schema>)) {
      take(name, "body", sub, bodyRequired.has(name));
    }
    if (body.additionalProperties !== false) {
      throw new Error(`${operation.operationId}: an open request body cannot be checked for typos`);
    }
    if (body.oneOf) params.oneOf = (body.oneOf as Schema[]).map(rule);
  }
  Object.assign(params, { properties, required, additionalProperties: false });
  const { data, unwrap } = dataOf(operation);
  return {
    operationId: operation.operationId,
    name: operation.summary,
    kind: kindOf(method, operation),
    where,
    params,
    shape: shapeOf(data),
    ...(unwrap === undefined ? {} : { unwrap }),
  };
}

const root = fileURLToPath(new URL("..", import.meta.url));

function bundle(spec: string): Schema {
  const dir = mkdtempSync(join(tmpdir(), "hsrcpay-operations-"));
  try {
    const out = join(dir, "openapi.json");
    const cli = join(root, "node_modules/@redocly/cli/bin/cli.js");
    execFileSync(
      process.execPath,
      [cli, "bundle", resolve(spec), "--dereferenced", "--ext", "json", "-o", out],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: "off" },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    return JSON.parse(readFileSync(out, "utf8")) as Schema;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generate(document: Schema): string {
  const table: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Schema>)) {
    for (const method of methods) {
      const operation = item[method] as Operation | undefined;
      if (operation) table[`${method.toUpperCase()} ${path}`] = describe(method, operation);
    }
  }
  const secrets = [...secretNames(document, new Set())].sort();
  return `// Generated by scripts/generate-operations.ts from openapi/openapi.yaml: do not edit.
// \`npm run generate\` rewrites it; \`npm run check:generated\` fails when it is stale.

/** Properties marked \`x-hsrcpay-secret\` in the spec: their values are masked wherever they appear. */
export const secretFields = ${JSON.stringify(secrets)} as const;

/** Each operation by \`METHOD /path\`: its call kind, where each param goes, and its checks. */
export const operations = ${JSON.stringify(table, null, 2)} as const;
`;
}

/**
 * Each operation's declared statuses and the first example of each (`null` without one), and
 * whether it requires a request body.
 */
function generateResponses(document: Schema): string {
  const table: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Schema>)) {
    for (const method of methods) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const statuses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(operation.responses)) {
        const media = response.content?.["application/json"];
        const first = media?.examples ? Object.values(media.examples)[0]?.value : media?.example;
        statuses[status] = first ?? null;
      }
      table[`${method.toUpperCase()} ${path}`] = {
        operationId: operation.operationId,
        bodyRequired: operation.requestBody?.required === true,
        statuses,
      };
    }
  }
  return `// Generated by scripts/generate-operations.ts from openapi/openapi.yaml: do not edit.
// What the in-process mock (src/testing/) answers: each operation's declared statuses, each with
// its first example. Imported by @hsrcpay/client/testing only, never by the main entry.

export const responses: Readonly<
  Record<
    string,
    { operationId: string; bodyRequired: boolean; statuses: Readonly<Record<string, unknown>> }
  >
> = ${JSON.stringify(table, null, 2)};
`;
}

/** Writes `text` to `file`, or with --check fails when the file is not already exactly that. */
function writeOrCheck(file: string, text: string, check: boolean): boolean {
  if (!check) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
    return true;
  }
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current === text) {
    console.log(`${file} is what the spec generates`);
    return true;
  }
  console.error(`${file} is not up-to-date! Run \`npm run generate\` to rewrite it.`);
  return false;
}

const [spec, out, responsesOut, flag] = process.argv.slice(2);
if (!spec || !out || !responsesOut) {
  throw new Error("usage: tsx scripts/generate-operations.ts SPEC OUT RESPONSES [--check]");
}
const document = bundle(spec);
const check = flag === "--check";
const results = [
  writeOrCheck(out, generate(document), check),
  writeOrCheck(responsesOut, generateResponses(document), check),
];
if (!results.every(Boolean)) process.exit(1);
