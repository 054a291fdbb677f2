import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type ApiKey,
  type ApiKeyResult,
  type CreateApiKeyParams,
  type components,
  createHsrcpayClient,
  type HsrcpayApiError,
  RateLimitError,
  type ResponseMeta,
} from "../../src/index.js";

const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });
const valid = { account_id: "acct_1", name: "CI deploy", permissions: { payments: ["read"] } };

describe("client options", () => {
  it("take values that may be undefined, as process.env gives them", () => {
    const fromEnv: string | undefined = process.env.HSRCPAY_API_KEY;
    assertType(createHsrcpayClient({ token: fromEnv, baseUrl: process.env.HSRCPAY_BASE_URL }));
    assertType(createHsrcpayClient({ token: async () => "aaa.bbb.ccc" }));
    // @ts-expect-error a token is a string or a function returning one
    createHsrcpayClient({ token: 42 });
  });
});

describe("apiKeys.create types", () => {
  it("accepts the spec's params and resolves to the spec's ApiKey with lastResponse", () => {
    expectTypeOf(hsrcpay.apiKeys.create(valid)).resolves.toEqualTypeOf<ApiKeyResult>();
    expectTypeOf<ApiKey>().toEqualTypeOf<components["schemas"]["ApiKey"]>();
    expectTypeOf<ApiKeyResult["key"]>().toEqualTypeOf<string>();
    expectTypeOf<ApiKeyResult["expires_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ApiKeyResult["lastResponse"]>().toEqualTypeOf<ResponseMeta>();
    expectTypeOf<ResponseMeta["status"]>().toEqualTypeOf<number>();
    assertType<CreateApiKeyParams>({ ...valid, expires_at: null, metadata: { any: [1, "x"] } });
  });

  it("rejects a missing name, a wrong permissions type and a misspelled field", () => {
    // @ts-expect-error name is required
    hsrcpay.apiKeys.create({ account_id: "acct_1", permissions: {} });
    // @ts-expect-error permissions maps to string arrays
    hsrcpay.apiKeys.create({ account_id: "acct_1", name: "n", permissions: { payments: "read" } });
    // @ts-expect-error expires is not a field (expires_at is)
    hsrcpay.apiKeys.create({ ...valid, expires: null });
    // @ts-expect-error account_id is required
    hsrcpay.apiKeys.create({ name: "n", permissions: {} });
    // @ts-expect-error timeout is milliseconds
    hsrcpay.apiKeys.create(valid, { timeout: "30s" });
  });

  it("types the errors", () => {
    expectTypeOf<HsrcpayApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<HsrcpayApiError["code"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<HsrcpayApiError["details"]>().toEqualTypeOf<Record<string, unknown> | undefined>();
    expectTypeOf<RateLimitError["retryAfter"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf(new RateLimitError({} as never)).toMatchTypeOf<HsrcpayApiError>();
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
    expectTypeOf<NonNullable<Data>["data"]["key"]>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Data>["success"]>().toEqualTypeOf<true>();
    expectTypeOf<NonNullable<Failure>["error"]["code"]>().toEqualTypeOf<number>();
  });
});
