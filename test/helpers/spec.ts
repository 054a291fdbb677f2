// The dereferenced spec and ajv validators for its schemas, for tests that check bodies against it.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { inject } from "vitest";

type Schema = Record<string, unknown>;
interface MediaType {
  schema: Schema;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  requestBody: { content: Record<string, MediaType> };
  responses: Record<string, { description: string; content: Record<string, MediaType> }>;
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[];
}
export interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

export function loadSpec(): Spec {
  return JSON.parse(readFileSync(inject("dereferencedSpecPath"), "utf8")) as Spec;
}

export function createApiKeyOperation(spec: Spec = loadSpec()): Operation {
  const operation = spec.paths["/api-keys/"]?.post;
  if (!operation) throw new Error("the spec has no POST /api-keys/");
  return operation;
}

/** Every status the operation declares, `default` included. */
export function declaredStatuses(operation = createApiKeyOperation()): string[] {
  return Object.keys(operation.responses);
}

function jsonMediaType(content: Record<string, MediaType> | undefined, where: string): MediaType {
  const media = content?.["application/json"];
  if (!media) throw new Error(`${where} has no application/json content`);
  return media;
}

export function responseMediaType(status: string, operation = createApiKeyOperation()): MediaType {
  return jsonMediaType(operation.responses[status]?.content, `response ${status}`);
}

/**
 * The first (realistic) example the spec shows for a status: what Prism answers with by default.
 * Typed from generated/, since the spec's lint has already validated it against that schema.
 */
export function firstExample<T>(status: string, operation = createApiKeyOperation()): T {
  const [example] = Object.values(responseMediaType(status, operation).examples ?? {});
  if (!example) throw new Error(`response ${status} has no example`);
  return example.value as T;
}

export function requestMediaType(operation = createApiKeyOperation()): MediaType {
  return jsonMediaType(operation.requestBody.content, "the request body");
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
