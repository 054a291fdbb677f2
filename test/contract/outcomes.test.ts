// Every outcome the spec documents for each operation, forced on the Prism mock with the Prefer
// header through the client's per-call headers, through the real client; and the same outcomes from
// the in-process mock users test against (@hsrcpay/client/testing), so that it cannot drift from
// the spec either. One row per operation:
// the spec says which statuses there are, status-classes.ts which error each must become.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type components, RateLimitError } from "../../src/index.js";
import { rejectionOf } from "../helpers/rejection.js";
import {
  callLabel,
  declaredStatuses,
  firstExample,
  operations,
  responseMediaType,
  schemaErrors,
} from "../helpers/spec.js";
import { declaredErrorClasses, undeclaredErrorClasses } from "../helpers/status-classes.js";
import { contractClient } from "./observed-client.js";
import { expectedOf, isWrite, kindOf, operationsUnderTest } from "./operations.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

const isSuccess = (status: string) => /^2\d\d$/.test(status);
const isDeclaredFailure = (status: string) => !isSuccess(status) && status !== "default";

const specOperationIds = operations().map((operation) => operation.operationId);

it("has rows only for operations the spec has", () => {
  for (const { operationId } of operationsUnderTest)
    expect(specOperationIds).toContain(operationId);
});

// An operation whose success is not an envelope (a one-time link's page: kind `content`) holds the
// same promises in a contract file of its own, which names it.
const contentOperations = specOperationIds.filter((id) => kindOf(id) === "content");

// An operation of the spec that the client does not call yet shows as a todo in every run, until
// its row is added above.
for (const operationId of specOperationIds) {
  if (contentOperations.includes(operationId)) continue;
  if (!operationsUnderTest.some((row) => row.operationId === operationId)) {
    it.todo(`${operationId}: every declared outcome through the client`);
  }
}

it.each(contentOperations)(
  "%s, whose success is not an envelope, has its own contract file",
  (id) => {
    const files = readdirSync(import.meta.dirname).filter(
      (file) => file.endsWith(".test.ts") && file !== "outcomes.test.ts",
    );
    const naming = files.filter((file) =>
      readFileSync(join(import.meta.dirname, file), "utf8").includes(`"${id}"`),
    );
    expect(naming).not.toEqual([]);
  },
);

describe.each(["prism", "mock"] as const)("through %s", (backend) => {
  describe.each(operationsUnderTest)("$operationId", (row) => {
    const { operationId, call } = row;
    const write = isWrite(row);
    const statuses = declaredStatuses(operationId);
    const label = callLabel(operationId);
    const rawBody = (body: string | undefined) => JSON.parse(body ?? "") as unknown;

    it("knows the error class of every failure status it declares", () => {
      expect(statuses).toContain("default");
      for (const status of statuses.filter(isDeclaredFailure)) {
        expect(declaredErrorClasses, `status ${status}`).toHaveProperty(status);
      }
    });

    it.each(statuses.filter(isSuccess))(
      "%s: gives the example's data, with the status visible, from a body that fits the spec",
      async (status) => {
        const { hsrcpay, exchanges } = contractClient({ backend });
        const result = await call(hsrcpay, { headers: { Prefer: `code=${status}` } });
        const example = firstExample<Record<string, unknown>>(operationId, status);
        expect(JSON.parse(JSON.stringify(result))).toEqual(expectedOf(row, example));
        expect(result.lastResponse.status).toBe(Number(status));
        expect(result.lastResponse.message).toBe("success");
        expect(exchanges).toHaveLength(1);
        const { schema } = responseMediaType(operationId, status);
        expect(schemaErrors(schema, rawBody(exchanges[0]?.body))).toEqual([]);
      },
    );

    it.each(
      statuses
        .filter(isDeclaredFailure)
        .map((status) => [status, declaredErrorClasses[status]?.name ?? "(no class)"]),
    )("%s: throws %s with the envelope's code, message and details", async (status) => {
      const ErrorClass = declaredErrorClasses[status];
      const { hsrcpay, exchanges } = contractClient({ backend });
      const error = await rejectionOf(
        // A read takes no Idempotency-Key (the client refuses one): only writes are given one.
        call(hsrcpay, {
          headers: { Prefer: `code=${status}` },
          ...(write ? { idempotencyKey: "contract-1" } : {}),
        }),
      );
      const example = firstExample<ErrorEnvelope>(operationId, status);
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as Error).name).toBe(ErrorClass?.name);
      expect(error).toMatchObject({
        status: Number(status),
        code: example.error.code,
        details: example.error.details,
        idempotencyKey: write ? "contract-1" : undefined,
      });
      expect((error as Error).message).toBe(`${status} ${example.error.message} (${label})`);
      const { schema } = responseMediaType(operationId, status);
      expect(schemaErrors(schema, rawBody(exchanges[0]?.body))).toEqual([]);
    });

    it.each(
      undeclaredErrorClasses.map(
        ([status, ErrorClass]) => [status, ErrorClass.name, ErrorClass] as const,
      ),
    )(
      "default, as %i: throws %s with the default response's envelope",
      async (status, _, ErrorClass) => {
        const { hsrcpay, exchanges } = contractClient({ backend });
        const error = await rejectionOf(call(hsrcpay, { headers: { Prefer: `code=${status}` } }));
        const example = firstExample<ErrorEnvelope>(operationId, "default");
        expect(error).toBeInstanceOf(ErrorClass);
        expect((error as Error).name).toBe(ErrorClass.name);
        expect(error).toMatchObject({
          status,
          code: example.error.code,
          details: example.error.details,
        });
        expect(exchanges[0]?.status).toBe(status);
        const { schema } = responseMediaType(operationId, "default");
        expect(schemaErrors(schema, rawBody(exchanges[0]?.body))).toEqual([]);
      },
    );

    it("retries a 429 from the mock with one Idempotency-Key, then surfaces RateLimitError", async () => {
      const { hsrcpay, exchanges } = contractClient({ maxRetries: 2, backend });
      const error = await rejectionOf(call(hsrcpay, { headers: { Prefer: "code=429" } }));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(exchanges).toHaveLength(3);
      const keys = new Set(exchanges.map((e) => e.requestHeaders.get("idempotency-key")));
      expect([...keys]).toHaveLength(1);
      expect([...keys][0] !== null).toBe(write);
    });
  });
});
