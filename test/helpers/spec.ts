// The dereferenced spec, its operations found by operationId, and ajv validators for its schemas,
// for tests that check bodies against it. Every helper takes an operationId, so that the contract
// tests of a new operation are a row in a table, not a copy.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { inject } from "vitest";

export type Schema = Record<string, unknown>;
export interface MediaType {
  schema: Schema;
  examples?: Record<string, { value: unknown }>;
}
export interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
}
/** An operation with where it lives: `method` upper-case, `path` as the spec writes it. */
export interface LocatedOperation extends Operation {
  method: string;
  path: string;
}
export interface Spec {
  paths: Record<string, Record<string, unknown>>;
}

// The keys of a Path Item Object that hold operations (OpenAPI 3.1, 4.8.9.1).
const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

let loaded: { file: string; spec: Spec } | undefined;

/** The spec bundled by global-setup.ts, read once per test file. */
export function loadSpec(): Spec {
  const file = inject("dereferencedSpecPath");
  if (loaded?.file !== file) {
    loaded = { file, spec: JSON.parse(readFileSync(file, "utf8")) as Spec };
  }
  return loaded.spec;
}

/** Every operation of the spec, in document order, found by walking `paths`. */
export function operations(spec: Spec = loadSpec()): LocatedOperation[] {
  const found: LocatedOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const candidate = item[method] as Operation | undefined;
      if (candidate) found.push({ ...candidate, method: method.toUpperCase(), path });
    }
  }
  return found;
}

/** The operation with this operationId; throws, naming the ones there are, when there is none. */
export function operation(spec: Spec, operationId: string): LocatedOperation {
  const all = operations(spec);
  const found = all.find((candidate) => candidate.operationId === operationId);
  if (!found) {
    const known = all.map((candidate) => candidate.operationId).join(", ");
    throw new Error(`the spec has no operation ${operationId} (it has: ${known})`);
  }
  return found;
}

/** Every status the operation declares, `default` included. */
export function declaredStatuses(operationId: string): string[] {
  return Object.keys(operation(loadSpec(), operationId).responses);
}

/** `POST /api-keys/`: what the client's messages name a call by, against a base URL without a path. */
export function callLabel(operationId: string): string {
  const { method, path } = operation(loadSpec(), operationId);
  return `${method} ${path}`;
}

function jsonMediaType(content: Record<string, MediaType> | undefined, where: string): MediaType {
  const media = content?.["application/json"];
  if (!media) throw new Error(`${where} has no application/json content`);
  return media;
}

export function responseMediaType(operationId: string, status: string): MediaType {
  const { responses } = operation(loadSpec(), operationId);
  return jsonMediaType(responses[status]?.content, `${operationId}'s response ${status}`);
}

export function requestMediaType(operationId: string): MediaType {
  const { requestBody } = operation(loadSpec(), operationId);
  return jsonMediaType(requestBody?.content, `${operationId}'s request body`);
}

/** The schema of a success envelope's `data`: what the client hands back for that status. */
export function dataSchema(operationId: string, status: string): Schema {
  const { schema } = responseMediaType(operationId, status);
  const data = (schema.properties as Record<string, Schema> | undefined)?.data;
  if (!data) throw new Error(`${operationId}'s response ${status} is not an envelope with data`);
  return data;
}

/**
 * The first (realistic) example the spec shows for a status: what Prism answers with by default.
 * Typed by the caller from generated/, since the spec's lint has validated it against that schema.
 */
export function firstExample<T>(operationId: string, status: string): T {
  const [example] = Object.values(responseMediaType(operationId, status).examples ?? {});
  if (!example) throw new Error(`${operationId}'s response ${status} has no example`);
  return example.value as T;
}

// OpenAPI 3.1 schemas are JSON Schema 2020-12; OpenAPI adds keywords (`example`) and formats
// (`int32`) that strict mode would reject.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

const compiled = new WeakMap<Schema, ValidateFunction>();
export function validatorFor(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validation errors as readable lines; empty when the value is valid. */
export function schemaErrors(schema: Schema, value: unknown): string[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
