// The call kinds come from the spec: every write declares the Idempotency-Key header (the transport
// sends one on every method but GET and HEAD), no read does, and the generated table names a kind
// for every operation that matches its success response.
import { describe, expect, it } from "vitest";
import { operations as table } from "../../generated/operations.js";
import { responses } from "../../generated/responses.js";
import { operations } from "../helpers/spec.js";

describe("every operation of the spec", () => {
  for (const operation of operations()) {
    const write = operation.method !== "GET" && operation.method !== "HEAD";
    it(`${operation.operationId}: ${write ? "declares" : "does not declare"} the Idempotency-Key header`, () => {
      const declared = (operation.parameters ?? []).some(
        (parameter) => parameter.in === "header" && parameter.name === "Idempotency-Key",
      );
      expect(declared).toBe(write);
    });

    it(`${operation.operationId}: has a call kind in generated/operations.ts that fits its success response`, () => {
      const key = `${operation.method} ${operation.path}`;
      const entry = (table as Record<string, { kind: string }>)[key];
      expect(responses[key]?.operationId).toBe(operation.operationId);
      const success = Object.entries(operation.responses).find(([status]) =>
        status.startsWith("2"),
      );
      const properties = (success?.[1].content?.["application/json"]?.schema.properties ??
        {}) as Record<string, { type?: string; properties?: object }>;
      // A delete whose data only says so (`{ deleted: true }`) is a delete like the others.
      const saysDeleted =
        operation.method === "DELETE" &&
        Object.keys(properties.data?.properties ?? {}).join() === "deleted";
      const content = success?.[1].content;
      // A success that is not JSON (a one-time link's page or text) is content, not an envelope.
      const expected =
        content !== undefined && !("application/json" in content)
          ? "content"
          : "pages" in properties
            ? "page"
            : properties.data?.type === "array"
              ? "list"
              : "data" in properties && properties.data?.type !== "null" && !saysDeleted
                ? "object"
                : "deleted";
      expect(entry?.kind).toBe(expected);
    });
  }
});
