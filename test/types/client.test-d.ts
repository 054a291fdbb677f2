// What the compiler tells a user: which params it takes, what a result and each error carry. The
// params and result are compared with generated/schema.ts (the spec) and with the types written out,
// so that a hand-edit of either side, or a field dropped from an error class, fails here.
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type ApiKeyResult,
  type CreateApiKeyParams,
  type Credential,
  type components,
  createHsrcpayClient,
  HsrcpayAbortError,
  HsrcpayApiError,
  HsrcpayConnectionError,
  type HsrcpayError,
  HsrcpayInvalidResponseError,
  HsrcpayRedirectError,
  HsrcpayResponseTooLargeError,
  HsrcpayTimeoutError,
  HsrcpayValidationError,
  type operations,
  type RateLimitError,
  type ResponseMeta,
} from "../../src/index.js";

type CreateApiKey = operations["createApiKey"];
type GeneratedQuery = CreateApiKey["parameters"]["query"];
type GeneratedBody = CreateApiKey["requestBody"]["content"]["application/json"];
type GeneratedApiKey = CreateApiKey["responses"]["201"]["content"]["application/json"]["data"];
type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];
/** The keys a value must have. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** T without its index signature (an ApiKey allows further fields), named fields only. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** The keys that cannot be assigned to. */
type ReadonlyKeys<T> = {
  [K in keyof T]-?: (<U>() => U extends { [P in K]: T[K] } ? 1 : 2) extends <U>() => U extends {
    -readonly [P in K]: T[K];
  }
    ? 1
    : 2
    ? never
    : K;
}[keyof T];

const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });
const valid = { account_id: "acct_1", name: "CI deploy", permissions: { payments: ["read"] } };

describe("client options", () => {
  it("take values that may be undefined, as process.env gives them", () => {
    const fromEnv: string | undefined = process.env.HSRCPAY_API_KEY;
    assertType(createHsrcpayClient({ token: fromEnv, baseUrl: process.env.HSRCPAY_BASE_URL }));
    assertType(createHsrcpayClient({ token: async () => "aaa.bbb.ccc" }));
    // @ts-expect-error a token is a string or a function returning one
    createHsrcpayClient({ token: 42 });
    // @ts-expect-error timeout is milliseconds
    createHsrcpayClient({ timeout: "30s" });
  });

  it("show the credential's kind and mode, never settable", () => {
    expectTypeOf(hsrcpay.credential).toEqualTypeOf<Credential | undefined>();
    expectTypeOf<Credential["kind"]>().toEqualTypeOf<
      "jwt" | "secret" | "publishable" | "unknown"
    >();
    expectTypeOf<Credential["mode"]>().toEqualTypeOf<"sandbox" | "live">();
    // @ts-expect-error the credential is read-only
    hsrcpay.credential = undefined;
  });
});

describe("apiKeys.create params", () => {
  it("are the query's account_id and the body's fields, under their wire names", () => {
    expectTypeOf<keyof CreateApiKeyParams>().toEqualTypeOf<
      "account_id" | "name" | "permissions" | "expires_at" | "metadata"
    >();
    expectTypeOf<keyof CreateApiKeyParams>().toEqualTypeOf<
      keyof GeneratedQuery | keyof GeneratedBody
    >();
    expectTypeOf<RequiredKeys<CreateApiKeyParams>>().toEqualTypeOf<
      "account_id" | "name" | "permissions"
    >();
    expectTypeOf<RequiredKeys<CreateApiKeyParams>>().toEqualTypeOf<
      RequiredKeys<GeneratedQuery> | RequiredKeys<GeneratedBody>
    >();
  });

  it("type each field as generated/schema.ts does", () => {
    expectTypeOf<CreateApiKeyParams["account_id"]>().toEqualTypeOf<GeneratedQuery["account_id"]>();
    expectTypeOf<CreateApiKeyParams["name"]>().toEqualTypeOf<GeneratedBody["name"]>();
    expectTypeOf<CreateApiKeyParams["permissions"]>().toEqualTypeOf<GeneratedBody["permissions"]>();
    expectTypeOf<CreateApiKeyParams["expires_at"]>().toEqualTypeOf<GeneratedBody["expires_at"]>();
    expectTypeOf<CreateApiKeyParams["metadata"]>().toEqualTypeOf<GeneratedBody["metadata"]>();
  });

  it("type each field as the spec describes it", () => {
    expectTypeOf<CreateApiKeyParams["account_id"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateApiKeyParams["name"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateApiKeyParams["permissions"]>().toEqualTypeOf<{
      [resource: string]: string[];
    }>();
    expectTypeOf<CreateApiKeyParams["expires_at"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<CreateApiKeyParams["metadata"]>().toEqualTypeOf<
      { [key: string]: unknown } | undefined
    >();
    assertType<CreateApiKeyParams>({ ...valid, expires_at: null, metadata: { any: [1, "x"] } });
  });

  it("refuse a missing account_id or name, an unknown field and wrong field types", () => {
    // @ts-expect-error account_id is required
    hsrcpay.apiKeys.create({ name: "n", permissions: {} });
    // @ts-expect-error name is required
    hsrcpay.apiKeys.create({ account_id: "acct_1", permissions: {} });
    // @ts-expect-error permissions is required
    hsrcpay.apiKeys.create({ account_id: "acct_1", name: "n" });
    // @ts-expect-error expires is not a field (expires_at is)
    hsrcpay.apiKeys.create({ ...valid, expires: null });
    // @ts-expect-error permissions maps to string arrays
    hsrcpay.apiKeys.create({ account_id: "acct_1", name: "n", permissions: { payments: "read" } });
    // @ts-expect-error expires_at is an RFC 3339 string, not a Date
    hsrcpay.apiKeys.create({ ...valid, expires_at: new Date() });
    // @ts-expect-error metadata is an object
    hsrcpay.apiKeys.create({ ...valid, metadata: "team=platform" });
    // @ts-expect-error timeout is milliseconds
    hsrcpay.apiKeys.create(valid, { timeout: "30s" });
    // @ts-expect-error headers are strings
    hsrcpay.apiKeys.create(valid, { headers: { "x-retry": 1 } });
  });
});

describe("apiKeys.create result", () => {
  it("is the spec's ApiKey with lastResponse", () => {
    expectTypeOf(hsrcpay.apiKeys.create(valid)).resolves.toEqualTypeOf<ApiKeyResult>();
    expectTypeOf<ApiKeyResult>().toExtend<GeneratedApiKey>();
    expectTypeOf<ApiKeyResult["lastResponse"]>().toEqualTypeOf<ResponseMeta>();
    expectTypeOf<
      ReadonlyKeys<Pick<ApiKeyResult, "lastResponse">>
    >().toEqualTypeOf<"lastResponse">();
    expectTypeOf<RequiredKeys<Known<ApiKeyResult>>>().toEqualTypeOf<
      RequiredKeys<Known<GeneratedApiKey>> | "lastResponse"
    >();
    expectTypeOf<RequiredKeys<Known<ApiKeyResult>>>().toEqualTypeOf<
      | "object"
      | "id"
      | "account_id"
      | "name"
      | "type"
      | "key"
      | "last_used_ip"
      | "metadata"
      | "permissions"
      | "status"
      | "last_used_at"
      | "expires_at"
      | "managed"
      | "deleted"
      | "created_at"
      | "updated_at"
      | "lastResponse"
    >();
  });

  it("types the fields a user reads as the spec describes them", () => {
    expectTypeOf<ApiKeyResult["id"]>().toEqualTypeOf<string>();
    expectTypeOf<ApiKeyResult["key"]>().toEqualTypeOf<string>();
    expectTypeOf<ApiKeyResult["object"]>().toEqualTypeOf<"api_key">();
    expectTypeOf<ApiKeyResult["expires_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ApiKeyResult["last_used_ip"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ApiKeyResult["permissions"]>().toEqualTypeOf<{ [resource: string]: string[] }>();
    expectTypeOf<ApiKeyResult["managed"]>().toEqualTypeOf<boolean>();
  });

  it("says what the response said in lastResponse, read-only", () => {
    expectTypeOf<ResponseMeta>().toEqualTypeOf<{
      readonly status: number;
      readonly message: string;
      readonly requestId: string | undefined;
      readonly retryAfter: number | undefined;
      readonly idempotencyKey: string | undefined;
      readonly headers: Headers;
    }>();
  });
});

describe("errors", () => {
  it("all extend HsrcpayError, and each subclass the one it refines", () => {
    expectTypeOf<HsrcpayError>().toExtend<Error>();
    for (const ErrorClass of [
      HsrcpayApiError,
      HsrcpayInvalidResponseError,
      HsrcpayValidationError,
      HsrcpayTimeoutError,
      HsrcpayAbortError,
      HsrcpayConnectionError,
    ]) {
      expectTypeOf<InstanceType<typeof ErrorClass>>().toExtend<HsrcpayError>();
    }
    expectTypeOf<RateLimitError>().toExtend<HsrcpayApiError>();
    expectTypeOf<HsrcpayRedirectError>().toExtend<HsrcpayApiError>();
    expectTypeOf<HsrcpayResponseTooLargeError>().toExtend<HsrcpayInvalidResponseError>();
  });

  it("carry what the server said, typed", () => {
    expectTypeOf<Pick<HsrcpayApiError, "status" | "code" | "details" | "body">>().toEqualTypeOf<{
      readonly status: number;
      readonly code: number | undefined;
      readonly details: Record<string, unknown> | undefined;
      readonly body: ErrorEnvelope | undefined;
    }>();
    expectTypeOf<
      Pick<HsrcpayApiError, "headers" | "requestId" | "idempotencyKey" | "retryAfter">
    >().toEqualTypeOf<{
      readonly headers: Headers;
      readonly requestId: string | undefined;
      readonly idempotencyKey: string | undefined;
      readonly retryAfter: number | undefined;
    }>();
    expectTypeOf<RateLimitError["retryAfter"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<HsrcpayRedirectError["location"]>().toEqualTypeOf<string | undefined>();
  });

  it("say what arrived when a success status brought no success envelope", () => {
    expectTypeOf<
      Pick<
        HsrcpayInvalidResponseError,
        "status" | "contentType" | "bodyBytes" | "headers" | "requestId" | "idempotencyKey"
      >
    >().toEqualTypeOf<{
      readonly status: number;
      readonly contentType: string | null;
      readonly bodyBytes: number;
      readonly headers: Headers;
      readonly requestId: string | undefined;
      readonly idempotencyKey: string | undefined;
    }>();
    expectTypeOf<HsrcpayResponseTooLargeError["limit"]>().toEqualTypeOf<number>();
    // The body's text is not kept (bodyStart is gone); Retry-After is retryAfter on every API error.
    expectTypeOf<HsrcpayInvalidResponseError>().not.toHaveProperty("bodyStart");
    expectTypeOf<HsrcpayApiError>().not.toHaveProperty("retryAfterMs");
  });

  it("name the field a refused argument came from, and the timeout that ran out", () => {
    expectTypeOf<HsrcpayValidationError["field"]>().toEqualTypeOf<string>();
    expectTypeOf<HsrcpayTimeoutError["timeoutMs"]>().toEqualTypeOf<number>();
  });

  it("cannot be changed by whoever catches them", () => {
    const error = new HsrcpayRedirectError({} as never);
    // @ts-expect-error status is read-only
    error.status = 200;
    // @ts-expect-error location is read-only
    error.location = "https://elsewhere.test/";
    const tooLarge = new HsrcpayResponseTooLargeError({} as never);
    // @ts-expect-error limit is read-only
    tooLarge.limit = 0;
  });
});

describe("raw types", () => {
  it("types paths, bodies and responses from the spec", () => {
    const params = { query: { account_id: "a" } };
    const body = { name: "n", permissions: {} };
    const noName = { permissions: {} };
    // @ts-expect-error not a path of the spec (the documented path ends in a slash)
    hsrcpay.raw.POST("/api-keys", { params, body });
    // @ts-expect-error the body needs name
    hsrcpay.raw.POST("/api-keys/", { params, body: noName });
    const call = hsrcpay.raw.POST("/api-keys/", { params, body });
    type Data = Awaited<typeof call>["data"];
    type Failure = Awaited<typeof call>["error"];
    expectTypeOf<NonNullable<Data>["data"]>().toEqualTypeOf<GeneratedApiKey>();
    expectTypeOf<NonNullable<Data>["data"]["type"]>().toEqualTypeOf<"SECRET">();
    expectTypeOf<NonNullable<Data>["data"]["key"]>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Data>["success"]>().toEqualTypeOf<true>();
    expectTypeOf<NonNullable<Failure>>().toExtend<ErrorEnvelope>();
    expectTypeOf<NonNullable<Failure>["error"]["code"]>().toEqualTypeOf<number>();
  });
});
