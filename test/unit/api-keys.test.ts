import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createHsrcpayClient,
  HsrcpayAbortError,
  HsrcpayApiError,
  HsrcpayConnectionError,
  HsrcpayInvalidResponseError,
  HsrcpayTimeoutError,
  HsrcpayValidationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { created, failure, type Handler, json, observedFetch } from "../helpers/observed-fetch.js";

function clientWith(handler: Handler, options: { maxRetries?: number; timeout?: number } = {}) {
  const fetch = observedFetch(handler);
  const hsrcpay = createHsrcpayClient({ token, baseUrl: "https://api.test/v1", fetch, ...options });
  return { hsrcpay, calls: fetch.calls };
}

describe("apiKeys.create: the request", () => {
  it("posts the body to /api-keys/ with the account in the query and the bearer token", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create({
      ...params,
      expires_at: "2027-12-31T23:59:59Z",
      metadata: { team: "x" },
    });
    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent?.method).toBe("POST");
    expect(`${sent?.url.origin}${sent?.url.pathname}`).toBe("https://api.test/v1/api-keys/");
    expect(sent?.url.searchParams.get("account_id")).toBe(params.account_id);
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(sent?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      name: "CI deploy",
      permissions: { payments: ["read"] },
      expires_at: "2027-12-31T23:59:59Z",
      metadata: { team: "x" },
    });
  });

  it("url-encodes account_id so reserved characters arrive intact", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create({ ...params, account_id: "acct/1&x=2#y?z" });
    expect(calls[0]?.url.searchParams.get("account_id")).toBe("acct/1&x=2#y?z");
    expect([...(calls[0]?.url.searchParams.keys() ?? [])]).toEqual(["account_id"]);
  });

  it("sends a fresh UUID Idempotency-Key per call, or the caller's", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create(params);
    await hsrcpay.apiKeys.create(params);
    await hsrcpay.apiKeys.create(params, { idempotencyKey: "order-42-key" });
    const keys = calls.map((c) => c.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe("order-42-key");
  });

  it("adds the caller's headers but always sends its own credential", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await hsrcpay.apiKeys.create(params, {
      headers: { Prefer: "code=201", Authorization: "Bearer other" },
    });
    expect(calls[0]?.headers.get("prefer")).toBe("code=201");
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
  });
});

describe("apiKeys.create: the result", () => {
  it.each([200, 201])(
    "returns the typed key with status %i, message, request id and idempotency key",
    async (status) => {
      const { hsrcpay } = clientWith(() => created(status, { "x-request-id": "req_123" }));
      const apiKey = await hsrcpay.apiKeys.create(params, { idempotencyKey: "idem-1" });
      expect(apiKey).toEqual(apiKeyData);
      expect(apiKey.key).toBe(apiKeyData.key);
      expect(apiKey.lastResponse).toMatchObject({
        status,
        message: "success",
        requestId: "req_123",
        idempotencyKey: "idem-1",
      });
    },
  );

  it("keeps lastResponse out of JSON and spreads", async () => {
    const { hsrcpay } = clientWith(() => created());
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(JSON.parse(JSON.stringify(apiKey))).toEqual(apiKeyData);
    expect({ ...apiKey }).toEqual(apiKeyData);
  });
});

describe("apiKeys.create: input is checked before anything is sent", () => {
  const cases: [string, unknown, string][] = [
    ["a missing account_id", { name: "n", permissions: {} }, "account_id"],
    ["an empty account_id", { account_id: "", name: "n", permissions: {} }, "account_id"],
    ["a blank account_id", { account_id: "  ", name: "n", permissions: {} }, "account_id"],
    ["a missing name", { account_id: "a", permissions: {} }, "name"],
    ["a numeric name", { account_id: "a", name: 5, permissions: {} }, "name"],
    ["missing permissions", { account_id: "a", name: "n" }, "permissions"],
    [
      "permissions as an array",
      { account_id: "a", name: "n", permissions: ["read"] },
      "permissions",
    ],
    [
      "a permission that is not a list",
      { account_id: "a", name: "n", permissions: { payments: "read" } },
      "permissions.payments",
    ],
    [
      "a permission action that is not a string",
      { account_id: "a", name: "n", permissions: { payments: ["read", 1] } },
      "permissions.payments[1]",
    ],
    [
      "an expiry that is not a date-time",
      { account_id: "a", name: "n", permissions: {}, expires_at: "next week" },
      "expires_at",
    ],
    [
      "metadata that is not an object",
      { account_id: "a", name: "n", permissions: {}, metadata: "x" },
      "metadata",
    ],
    [
      "a misspelled field",
      { account_id: "a", name: "n", permissions: {}, expires: null },
      "expires",
    ],
  ];
  it.each(cases)("rejects %s, naming the field", async (_, input, field) => {
    const { hsrcpay, calls } = clientWith(() => created());
    const error = await hsrcpay.apiKeys.create(input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe(field);
    expect((error as Error).message.startsWith(field)).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it("rejects metadata that cannot be sent as JSON, instead of throwing a TypeError", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const metadata of [{ amount: 10n }, cyclic]) {
      const error = await hsrcpay.apiKeys.create({ ...params, metadata }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect((error as HsrcpayValidationError).message).toMatch(/^metadata cannot be sent as JSON/);
    }
    expect(calls).toHaveLength(0);
  });

  it("rejects bad per-call options before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await expect(hsrcpay.apiKeys.create(params, { timeout: -1 })).rejects.toThrow(
      /options.timeout/,
    );
    await expect(hsrcpay.apiKeys.create(params, { maxRetries: 1.5 })).rejects.toThrow(
      /options.maxRetries/,
    );
    await expect(hsrcpay.apiKeys.create(params, { idempotencyKey: "" })).rejects.toThrow(
      /options.idempotencyKey/,
    );
    await expect(hsrcpay.apiKeys.create(params, { headers: { "X-A": "a\r\nb" } })).rejects.toThrow(
      /options.headers.X-A/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe("apiKeys.create: failures are typed", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [418, HsrcpayApiError],
  ])("%i becomes %o with the envelope's code, message and details", async (status, ErrorClass) => {
    const { hsrcpay } = clientWith(
      () => failure(status, "Went wrong", { "x-request-id": "req_9" }),
      { maxRetries: 0 },
    );
    const error = await hsrcpay.apiKeys
      .create(params, { idempotencyKey: "idem-2" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(HsrcpayApiError);
    const apiError = error as HsrcpayApiError;
    expect(apiError.name).toBe(ErrorClass.name);
    expect(apiError).toMatchObject({
      status,
      code: status,
      details: { hint: "x" },
      requestId: "req_9",
      idempotencyKey: "idem-2",
    });
    expect(apiError.message).toBe(`${status} Went wrong (POST /v1/api-keys/)`);
    expect(apiError.body?.success).toBe(false);
  });

  it("falls back to the top-level message when error.message is empty", async () => {
    const { hsrcpay } = clientWith(() =>
      json(404, {
        message: "Account not found",
        success: false,
        error: { code: 1004, message: "" },
      }),
    );
    await expect(hsrcpay.apiKeys.create(params)).rejects.toThrow("404 Account not found");
  });

  it("gives RateLimitError the Retry-After it was told", async () => {
    const { hsrcpay } = clientWith(() => failure(429, "Slow down", { "retry-after": "120" }));
    const error = (await hsrcpay.apiKeys.create(params).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120_000);
  });

  it.each([
    [
      "an HTML page",
      502,
      "text/html",
      "<html><body><h1>502 Bad Gateway</h1></body></html>",
      /text\/html.*<html><body><h1>502 Bad Gateway/,
    ],
    [
      "truncated JSON",
      500,
      "application/json",
      '{"message":"boom","success":fal',
      /not HSRCPAY's error envelope.*"message":"boom","success":fal/,
    ],
    ["an empty body", 503, null, null, /not HSRCPAY's error envelope \(no content-type, 0 bytes\)/],
  ])("a failure status with %s says what arrived", async (_, status, type, body, pattern) => {
    const { hsrcpay } = clientWith(
      () => new Response(body, { status, headers: type ? { "content-type": type } : {} }),
      { maxRetries: 0 },
    );
    const error = (await hsrcpay.apiKeys
      .create(params)
      .catch((e: unknown) => e)) as HsrcpayApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(status);
    expect(error.code).toBeUndefined();
    expect(error.body).toBeUndefined();
    expect(error.message).toMatch(pattern);
  });

  it.each([
    [
      "an HTML page",
      "text/html",
      "<!doctype html><title>Login</title>",
      /201 with a body that is not JSON.*text\/html.*<!doctype html>/,
    ],
    [
      "truncated JSON",
      "application/json",
      '{"message":"success","success":true,"data":{"id":"k',
      /a body that is not JSON/,
    ],
    ["an empty body", "application/json", "", /an empty body/],
    [
      "success: false",
      "application/json",
      JSON.stringify({ message: "nope", success: false, error: { code: 1, message: "nope" } }),
      /success: false \("nope"\)/,
    ],
    [
      "no data",
      "application/json",
      JSON.stringify({ message: "success", success: true }),
      /without the expected data object/,
    ],
    ["an array", "application/json", "[]", /not an envelope object/],
  ])(
    "a 201 with %s is an HsrcpayInvalidResponseError, never a TypeError",
    async (_, type, body, pattern) => {
      const { hsrcpay } = clientWith(
        () => new Response(body, { status: 201, headers: { "content-type": type } }),
      );
      const error = (await hsrcpay.apiKeys
        .create(params, { idempotencyKey: "idem-3" })
        .catch((e: unknown) => e)) as HsrcpayInvalidResponseError;
      expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
      expect(error).toMatchObject({ status: 201, contentType: type, idempotencyKey: "idem-3" });
      expect(error.message).toMatch(pattern);
    },
  );

  it("never puts the created key's plaintext into an error", async () => {
    const broken = `{"message":"success","success":"yes","data":{"id":"key_1","key":"${apiKeyData.key}"`;
    const { hsrcpay } = clientWith(() => new Response(broken, { status: 201 }));
    const error = (await hsrcpay.apiKeys
      .create(params)
      .catch((e: unknown) => e)) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.bodyStart).toContain('"key":"[redacted]"');
    expect(`${error.message}${error.stack}${error.bodyStart}`).not.toContain(apiKeyData.key);
  });
});

describe("apiKeys.create: retries", () => {
  it("retries 503 with the same Idempotency-Key and body, then returns the key", async () => {
    const { hsrcpay, calls } = clientWith((_, i) =>
      i === 0 ? failure(503, "busy", { "retry-after": "0" }) : created(),
    );
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.lastResponse.status).toBe(201);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.get("idempotency-key")).toBe(calls[0]?.headers.get("idempotency-key"));
    expect(calls[1]?.body).toBe(calls[0]?.body);
    expect(apiKey.lastResponse.idempotencyKey).toBe(calls[0]?.headers.get("idempotency-key"));
  });

  it.each([408, 429, 500, 502, 503, 504])(
    "retries %i up to maxRetries, then throws",
    async (status) => {
      const { hsrcpay, calls } = clientWith(
        () => failure(status, "again", { "retry-after": "0" }),
        { maxRetries: 3 },
      );
      await expect(hsrcpay.apiKeys.create(params)).rejects.toBeInstanceOf(HsrcpayApiError);
      expect(calls).toHaveLength(4);
    },
  );

  it.each([400, 401, 403, 404, 409, 422])("never retries %i", async (status) => {
    const { hsrcpay, calls } = clientWith(() => failure(status));
    await expect(hsrcpay.apiKeys.create(params)).rejects.toBeInstanceOf(HsrcpayApiError);
    expect(calls).toHaveLength(1);
  });

  it("retries a connection failure and keeps the original error as cause", async () => {
    const cause = new TypeError("fetch failed", {
      cause: new Error("connect ECONNREFUSED 127.0.0.1:1"),
    });
    const { hsrcpay, calls } = clientWith(() => Promise.reject(cause), { maxRetries: 1 });
    const error = (await hsrcpay.apiKeys
      .create(params)
      .catch((e: unknown) => e)) as HsrcpayConnectionError;
    expect(error).toBeInstanceOf(HsrcpayConnectionError);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("ECONNREFUSED");
    expect(calls).toHaveLength(2);
  });

  it("honours maxRetries: 0 per call", async () => {
    const { hsrcpay, calls } = clientWith(() => failure(503, "busy", { "retry-after": "0" }));
    await expect(hsrcpay.apiKeys.create(params, { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(calls).toHaveLength(1);
  });

  it("does not wait for a Retry-After beyond the cap: it surfaces the RateLimitError", async () => {
    const { hsrcpay, calls } = clientWith(() => failure(429, "later", { "retry-after": "3600" }));
    const error = (await hsrcpay.apiKeys.create(params).catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfter).toBe(3_600_000);
    expect(calls).toHaveLength(1);
  });
});

describe("apiKeys.create: timeouts and abort", () => {
  const hang: Handler = ({ signal }) =>
    new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));

  it("times out each attempt and retries, then throws HsrcpayTimeoutError", async () => {
    const { hsrcpay, calls } = clientWith(hang, { timeout: 30, maxRetries: 1 });
    const error = await hsrcpay.apiKeys.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
    expect((error as HsrcpayTimeoutError).timeoutMs).toBe(30);
    expect(calls).toHaveLength(2);
  });

  it("counts reading the body against the timeout", async () => {
    const neverEnds = () =>
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"message":')) }),
        { status: 201 },
      );
    const { hsrcpay } = clientWith(neverEnds, { maxRetries: 0 });
    await expect(hsrcpay.apiKeys.create(params, { timeout: 50 })).rejects.toBeInstanceOf(
      HsrcpayTimeoutError,
    );
  });

  it("does not hang on a fetch that ignores its signal", async () => {
    const { hsrcpay } = clientWith(() => new Promise<Response>(() => {}), {
      maxRetries: 0,
      timeout: 30,
    });
    await expect(hsrcpay.apiKeys.create(params)).rejects.toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    await expect(
      hsrcpay.apiKeys.create(params, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(HsrcpayAbortError);
    expect(calls).toHaveLength(0);
  });

  it("aborts an attempt in flight at once, without retrying", async () => {
    const { hsrcpay, calls } = clientWith(hang);
    const controller = new AbortController();
    const pending = hsrcpay.apiKeys.create(params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(HsrcpayAbortError);
    expect(calls).toHaveLength(1);
  });

  it("aborts during the backoff wait", async () => {
    const { hsrcpay, calls } = clientWith(() => failure(503, "busy", { "retry-after": "30" }));
    const controller = new AbortController();
    const started = Date.now();
    const pending = hsrcpay.apiKeys.create(params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(HsrcpayAbortError);
    expect(Date.now() - started).toBeLessThan(10_000); // the 30 s wait was cut short
    expect(calls).toHaveLength(1);
  });
});
