// Writes generated/operations.ts: what the client needs of each operation at run time, read from the
// spec so that a new operation costs no hand-written mirror of it:
// - its call kind: a paginated list (the success envelope has `pages`), an unpaginated one (`data` is
//   an array without totals), a delete (a DELETE whose success has no `data`), or one object;
// - where each of its params goes (path, query or body), under the wire names;
// - the checks its schemas state, as a subset of JSON Schema that src/internal/checks.ts reads (types,
//   required fields, closed objects, bounds, lengths, patterns, `oneOf` of required sets); formats
//   and everything else are left to the server (CONTRIBUTING.md, "Request checks");
// - the names of secret properties (`x-hsrcpay-secret: true`), whose values are masked;
// - what each success's data must hold to be believed (`answers`, checked by src/internal/operation.ts).
//
// With a RESPONSES path it also writes what the in-process mock (src/testing/) answers: each
// operation's declared statuses with all their named examples, and the client's method names
// (read from src/resources/), kept apart so that the main entry does not carry the examples.
//
// usage: tsx scripts/generate-operations.ts SPEC OUT RESPONSES [--check]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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
const httpMethods = methods;
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

/**
 * Whether the first success is a body that is not JSON (a page, a text: consuming a one-time
 * link): the call hands back what arrived, as content, not an envelope's data.
 */
function isContent(operation: Operation): boolean {
  const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
  const content = success?.[1].content;
  return content !== undefined && content["application/json"] === undefined;
}

/** What a success response says of the call's kind. */
function kindOf(method: string, operation: Operation): string {
  if (isContent(operation)) return "content";
  const properties = (successSchema(operation).properties ?? {}) as Record<string, Schema>;
  if (properties.pages !== undefined && properties.total !== undefined) return "page";
  if (properties.data?.type === "array") return "list";
  // A delete's success with no data, or data that only says so (`{ deleted: true }`, a fee row's).
  const data = properties.data;
  const saysDeleted =
    method === "delete" &&
    data?.type === "object" &&
    Object.keys((data.properties ?? {}) as object).every((name) => name === "deleted");
  if (data === undefined || data.type === "null" || saysDeleted) {
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

// What an answer must hold to be believed: the JSON type of every field the spec declares, and the
// presence of every required one, at any depth, with the patterns the spec states (a 3-D Secure
// URL is https). Bounds and unknown fields are not checked, and a string outside an enum's values
// passes: answers are open, so that a value or a field HSRCPAY adds later still passes; the client
// only says, through its logger, that it does not know the value (src/internal/operation.ts).
// Written compactly, since the main entry carries it: a type name (`"string"`, `""` for anything),
// a list of forms (any of them), `{ p: fields, o: optional names }` for an object, `{ i: item }`
// for an array, `{ x: pattern }` for a string that must match it, `{ e: values }` for a string
// whose documented values these are.
type Compact = string | Compact[] | { [key: string]: unknown };

/** The part of an answer schema the answer check reads, written compactly. */
function answerRule(schema: Schema): Compact {
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    // Read as anyOf: which form an answer is, is the server's to say.
    const forms: Compact[] = [];
    const all = branches.flatMap((branch): Compact[] => {
      const rule = answerRule(branch);
      return Array.isArray(rule) ? rule : [rule];
    });
    for (const branch of all) {
      if (branch === "") return "";
      if (!forms.some((form) => JSON.stringify(form) === JSON.stringify(branch)))
        forms.push(branch);
    }
    // An open enum (its values, or any string) is its values: their check lets any string pass.
    const isEnum = (form: Compact) => typeof form === "object" && "e" in form;
    const kept = forms.some(isEnum) ? forms.filter((form) => form !== "string") : forms;
    return kept.length === 1 ? (kept[0] as Compact) : kept;
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(Boolean);
  const forms = (types as string[]).map((type): Compact => {
    if (type === "object" && schema.properties) {
      const properties = schema.properties as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const optional = Object.keys(properties).filter((name) => !required.has(name));
      const fields = Object.fromEntries(
        Object.entries(properties).map(([name, sub]) => [name, answerRule(sub)]),
      );
      return optional.length === 0 ? { p: fields } : { p: fields, o: optional };
    }
    if (type === "array" && schema.items) {
      const item = answerRule(schema.items as Schema);
      return item === "" ? "array" : { i: item };
    }
    if (type === "string" && typeof schema.pattern === "string") return { x: schema.pattern };
    if (type === "string" && Array.isArray(schema.enum)) return { e: schema.enum as string[] };
    return type;
  });
  return forms.length === 0 ? "" : forms.length === 1 ? (forms[0] as Compact) : forms;
}

/**
 * The answer rules as code: each object rule used more than once (a Payment in four answers) is
 * written once, as a constant, and referred to by name.
 */
function answersCode(rules: Record<string, Compact>): string {
  const uses = new Map<string, number>();
  const count = (node: unknown) => {
    if (node === null || typeof node !== "object") return;
    if (!Array.isArray(node) && "p" in node) {
      const text = JSON.stringify(node);
      uses.set(text, (uses.get(text) ?? 0) + 1);
    }
    for (const child of Object.values(node)) count(child);
  };
  count(rules);
  const names = new Map<string, string>();
  const constants: string[] = [];
  const emit = (node: unknown): string => {
    if (node === null || typeof node !== "object") return JSON.stringify(node);
    const inner = Array.isArray(node)
      ? `[${node.map(emit).join(",")}]`
      : `{${Object.entries(node)
          .map(([key, value]) => `${JSON.stringify(key)}:${emit(value)}`)
          .join(",")}}`;
    const text = JSON.stringify(node);
    if ((uses.get(text) ?? 0) < 2) return inner;
    let name = names.get(text);
    if (name === undefined) {
      name = `s${names.size}`;
      names.set(text, name);
      constants.push(`const ${name}: Answer = ${inner};`);
    }
    return name;
  };
  const table = emit(rules);
  return `${constants.join("\n")}\n\nexport const answers: Readonly<Record<string, Answer>> = ${table};`;
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
  const { unwrap } = dataOf(operation);
  const kind = kindOf(method, operation);
  const envelope = successSchema(operation);
  // A list whose pagination numbers are declared but not required may come whole, without them.
  const unpaged = kind === "page" && !((envelope.required ?? []) as string[]).includes("pages");
  return {
    kind,
    // Where each param goes: the path and query parameters by name, the body's fields the rest.
    ...Object.fromEntries(
      ["path", "query"]
        .map(
          (place) => [place, Object.keys(where).filter((name) => where[name] === place)] as const,
        )
        .filter(([, names]) => names.length > 0),
    ),
    params,
    ...(unwrap === undefined ? {} : { unwrap }),
    ...(unpaged ? { unpaged } : {}),
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
  const answers: Record<string, Compact> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Schema>)) {
    for (const method of methods) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      table[key] = describe(method, operation);
      const { kind } = table[key] as Schema;
      if (kind !== "deleted" && kind !== "content")
        answers[key] = answerRule(dataOf(operation).data);
    }
  }
  const secrets = [...secretNames(document, new Set())].sort();
  return `// Generated by scripts/generate-operations.ts from openapi/openapi.yaml: do not edit.
// \`npm run generate\` rewrites it; \`npm run check:generated\` fails when it is stale.

/** Properties marked \`x-hsrcpay-secret\` in the spec: their values are masked wherever they appear. */
export const secretFields = ${JSON.stringify(secrets)} as const;

/** Each operation by \`METHOD /path\`: its call kind, where each param goes, and its checks. */
export const operations = ${JSON.stringify(table, null, 2)} as const;

/**
 * A rule of the answer check (src/internal/operation.ts): a JSON type name (\`""\` for anything), a
 * list of forms (any of them), an object's fields (all required but \`o\`), an array's item, or a
 * string's pattern.
 */
export type Answer =
  | string
  | readonly Answer[]
  | { readonly p: Readonly<Record<string, Answer>>; readonly o?: readonly string[] }
  | { readonly i: Answer }
  | { readonly x: string }
  | { readonly e: readonly string[] };

/** What each operation's success data must hold, by \`METHOD /path\` (each item's, for a list). */
${answersCode(answers)}
`;
}

/**
 * The client's method names (`payments.confirm`) and the operation each calls (`POST
 * /payments/{id}/confirm`), read from the client itself: each `src/resources/<name>/index.ts`
 * exports `<property>Resource(call)`, whose methods each call `call(method, path, …)` once, so a
 * recording `call` says which operation a method is. The mock takes these names beside the
 * operationIds; a method added to a resource changes this table (and `check:generated` says so).
 */
async function clientMethods(): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  let last: string | undefined;
  const record = (method: string, path: string) => {
    last = `${method.toUpperCase()} ${path}`;
  };
  const walk = (prefix: string, node: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === "function") {
        last = undefined;
        (value as () => unknown)();
        if (last === undefined) throw new Error(`${prefix}${name} calls no operation`);
        found[`${prefix}${name}`] = last;
      } else if (value !== null && typeof value === "object") {
        walk(`${prefix}${name}.`, value as Record<string, unknown>);
      }
    }
  };
  const resources = join(root, "src/resources");
  for (const folder of readdirSync(resources).sort()) {
    const module = (await import(
      pathToFileURL(join(resources, folder, "index.ts")).href
    )) as Record<string, unknown>;
    for (const [exported, factory] of Object.entries(module)) {
      const property = /^(\w+)Resource$/.exec(exported)?.[1];
      if (property === undefined || typeof factory !== "function") continue;
      walk(`${property}.`, (factory as (call: unknown) => Record<string, unknown>)(record));
    }
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** A union of string literals as TypeScript, `never` for none. */
const union = (names: readonly string[]) =>
  names.length === 0 ? "never" : names.map((name) => JSON.stringify(name)).join(" | ");

/**
 * What the in-process mock answers: each operation's declared statuses with every named example of
 * each (a lone `example` is named `example`), its request examples, and whether it requires a
 * body; the client's method names and the operation each calls; and the same as types, so that a
 * test's names, statuses and example names are checked by the compiler.
 */
function generateResponses(document: Schema, methods: Record<string, string>): string {
  const table: Record<string, unknown> = {};
  const types: string[] = [];
  const operationIdOf: Record<string, string> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Schema>)) {
    for (const method of httpMethods) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      operationIdOf[key] = operation.operationId;
      const statuses: Record<string, unknown> = {};
      const examples: Record<string, Record<string, unknown>> = {};
      const named: string[] = [];
      for (const [status, response] of Object.entries(operation.responses)) {
        // A success that is not JSON (content) is answered with its own media type's examples.
        const media =
          response.content?.["application/json"] ?? Object.values(response.content ?? {})[0];
        const byName: Record<string, unknown> = media?.examples
          ? Object.fromEntries(
              Object.entries(media.examples).map(([name, example]) => [name, example.value]),
            )
          : media?.example !== undefined
            ? { example: media.example }
            : {};
        statuses[status] = Object.values(byName)[0] ?? null;
        examples[status] = byName;
        named.push(`${JSON.stringify(status)}: ${union(Object.keys(byName))};`);
      }
      const body = operation.requestBody?.content["application/json"] as MediaType | undefined;
      const requests = Object.fromEntries(
        Object.entries(body?.examples ?? {}).map(([name, example]) => [name, example.value]),
      );
      table[key] = {
        operationId: operation.operationId,
        bodyRequired: operation.requestBody?.required === true,
        statuses,
        examples,
        requests,
      };
      types.push(`  ${operation.operationId}: { ${named.join(" ")} };`);
    }
  }
  const operationOf = Object.entries(methods).map(([name, key]) => {
    const operationId = operationIdOf[key];
    if (operationId === undefined) throw new Error(`${name} calls ${key}, which the spec has not`);
    return `  ${JSON.stringify(name)}: ${JSON.stringify(operationId)};`;
  });
  return `// Generated by scripts/generate-operations.ts from openapi/openapi.yaml and src/resources/: do
// not edit. What the in-process mock (src/testing/) answers: each operation's declared statuses,
// each with every named example, and the client's method names. Imported by
// @hsrcpay/client/testing only, never by the main entry.

/** One operation of the spec, by \`METHOD /path\`. */
export interface DeclaredOperation {
  readonly operationId: string;
  readonly bodyRequired: boolean;
  /** Each declared status (\`default\` among them) and its first example (\`null\` without one). */
  readonly statuses: Readonly<Record<string, unknown>>;
  /** Each declared status and all its examples by name, in the spec's order. */
  readonly examples: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The request body's examples by name. */
  readonly requests: Readonly<Record<string, unknown>>;
}

export const responses: Readonly<Record<string, DeclaredOperation>> = ${JSON.stringify(table, null, 2)};

/** Each method of the client (\`payments.confirm\`) and the operation it calls, by \`METHOD /path\`. */
export const methods: Readonly<Record<MockMethodName, string>> = ${JSON.stringify(methods, null, 2)};

/** Each operation's declared statuses, and the names of each one's examples. */
export interface MockExamples {
${types.join("\n")}
}

/** Each method of the client and the operationId it calls. */
export interface MockMethods {
${operationOf.join("\n")}
}

/** The spec's operationIds. */
export type MockOperationId = keyof MockExamples;
/** The client's method names (\`payments.retrieve\`). */
export type MockMethodName = keyof MockMethods;
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

/**
 * The README with its table of names (the mock's operationIds and the client's method names, by
 * operation) rewritten from the spec and the client: a new operation's row is generated, not
 * written by hand. test/unit/testing-names.test.ts checks the same table.
 */
function readmeWithNames(document: Schema, client: Record<string, string>): string {
  const rows: string[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Schema>)) {
    for (const method of methods) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const called = Object.keys(client).filter((name) => client[name] === key);
      const by =
        called.length > 0 ? called.map((name) => `\`${name}\``).join(", ") : "(`raw` only)";
      rows.push(`| \`${operation.operationId}\` | ${by} | \`${key}\` |`);
    }
  }
  const table = ["| operationId | method | operation |", "| --- | --- | --- |", ...rows];
  const readme = readFileSync(join(root, "README.md"), "utf8").split("\n");
  const start = readme.indexOf(table[0] as string);
  if (start < 0) throw new Error("README.md has no table of names to rewrite");
  let end = start;
  while (readme[end]?.startsWith("|")) end++;
  return [...readme.slice(0, start), ...table, ...readme.slice(end)].join("\n");
}

const [spec, out, responsesOut, flag] = process.argv.slice(2);
if (!spec || !out || !responsesOut) {
  throw new Error("usage: tsx scripts/generate-operations.ts SPEC OUT RESPONSES [--check]");
}
const document = bundle(spec);
const check = flag === "--check";
const client = await clientMethods();
const results = [
  writeOrCheck(out, generate(document), check),
  writeOrCheck(responsesOut, generateResponses(document, client), check),
  writeOrCheck(join(root, "README.md"), readmeWithNames(document, client), check),
];
if (!results.every(Boolean)) process.exit(1);
