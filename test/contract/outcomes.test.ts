// Every outcome the spec documents for Create API key, forced on the Prism mock with the Prefer
// header through the client's per-call headers, through the real client.
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type components,
  HsrcpayApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../src/index.js";
import {
  createApiKeyOperation,
  declaredStatuses,
  firstExample,
  loadSpec,
  responseMediaType,
  schemaErrors,
} from "../helpers/spec.js";
import { contractClient } from "./observed-client.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

const operation = createApiKeyOperation(loadSpec());
const params = {
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "CI deploy",
  permissions: { payments: ["read"] },
};

const errorClasses: Record<string, typeof HsrcpayApiError> = {
  "400": BadRequestError,
  "401": AuthenticationError,
  "403": PermissionDeniedError,
  "404": NotFoundError,
  "409": ConflictError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
  "500": InternalServerError,
};
// The `default` response, forced with statuses the spec does not declare.
const defaultStatuses: [number, typeof HsrcpayApiError][] = [
  [418, HsrcpayApiError],
  [503, InternalServerError],
];

describe("every declared status through apiKeys.create", () => {
  it("covers every status the spec declares", () => {
    const covered = ["200", "201", ...Object.keys(errorClasses), "default"];
    expect(covered.sort()).toEqual(declaredStatuses(operation).sort());
  });

  it.each(["200", "201"])(
    "%s: a typed ApiKey, with the status visible, whose raw body fits the spec",
    async (status) => {
      const { hsrcpay, exchanges } = contractClient();
      const apiKey = await hsrcpay.apiKeys.create(params, {
        headers: { Prefer: `code=${status}` },
      });
      expect(apiKey.lastResponse.status).toBe(Number(status));
      expect(apiKey.object).toBe("api_key");
      expect(apiKey.key).toMatch(/^sk_test_/);
      expect(apiKey.lastResponse.message).toBe("success");
      expect(exchanges).toHaveLength(1);
      expect(
        schemaErrors(
          responseMediaType(status, operation).schema,
          JSON.parse(exchanges[0]?.body ?? ""),
        ),
      ).toEqual([]);
    },
  );

  it.each(Object.entries(errorClasses))(
    "%s: throws %o with the envelope's code, message and details",
    async (status, ErrorClass) => {
      const { hsrcpay, exchanges } = contractClient();
      const error = await hsrcpay.apiKeys
        .create(params, { headers: { Prefer: `code=${status}` }, idempotencyKey: "contract-1" })
        .catch((e: unknown) => e);
      const example = firstExample<ErrorEnvelope>(status, operation);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({
        status: Number(status),
        code: example.error.code,
        details: example.error.details,
        idempotencyKey: "contract-1",
      });
      expect((error as Error).message).toBe(`${status} ${example.error.message} (POST /api-keys/)`);
      expect(
        schemaErrors(
          responseMediaType(status, operation).schema,
          JSON.parse(exchanges[0]?.body ?? ""),
        ),
      ).toEqual([]);
    },
  );

  it.each(defaultStatuses)(
    "default, as %i: throws %o with the default response's envelope",
    async (status, ErrorClass) => {
      const { hsrcpay, exchanges } = contractClient();
      const error = await hsrcpay.apiKeys
        .create(params, { headers: { Prefer: `code=${status}` } })
        .catch((e: unknown) => e);
      const example = firstExample<ErrorEnvelope>("default", operation);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({
        status,
        code: example.error.code,
        details: example.error.details,
      });
      expect(exchanges[0]?.status).toBe(status);
      expect(
        schemaErrors(
          responseMediaType("default", operation).schema,
          JSON.parse(exchanges[0]?.body ?? ""),
        ),
      ).toEqual([]);
    },
  );

  it("retries a 429 from the mock with one Idempotency-Key, then surfaces RateLimitError", async () => {
    const { hsrcpay, exchanges } = contractClient({ maxRetries: 2 });
    const error = await hsrcpay.apiKeys
      .create(params, { headers: { Prefer: "code=429" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(exchanges).toHaveLength(3);
    expect(new Set(exchanges.map((e) => e.requestHeaders.get("idempotency-key"))).size).toBe(1);
  });
});
