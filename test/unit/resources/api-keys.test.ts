// apiKeys.create: what goes on the wire and what comes back. The transport, the envelope and the
// params checks have their own tests; here only the resource's own work is checked.
import { describe, expect, it } from "vitest";
import {
  ConflictError,
  createHsrcpayClient,
  type HsrcpayValidationError,
} from "../../../src/index.js";
import { apiKeyData, params, token } from "../../helpers/fixtures.js";
import { created, failure, type Handler, observedFetch } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

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

describe("apiKeys.create: failures", () => {
  it("throws the typed error for a failure status, labelled with the operation", async () => {
    const { hsrcpay } = clientWith(() => failure(409, "Key reused"));
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create(params, { idempotencyKey: "idem-9" }),
    )) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("409 Key reused (POST /v1/api-keys/)");
    expect(error.idempotencyKey).toBe("idem-9");
  });

  it("labels the operation with the base URL's path", async () => {
    const fetch = observedFetch(() => failure(400));
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "https://proxy.test/hsrcpay/v1/",
      fetch,
    });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as Error;
    expect(error.message).toMatch(/\(POST \/hsrcpay\/v1\/api-keys\/\)$/);
    expect(fetch.calls[0]?.url.pathname).toBe("/hsrcpay/v1/api-keys/");
  });

  it("checks params and options before sending anything", async () => {
    const { hsrcpay, calls } = clientWith(() => created());
    const bad = await rejectionOf(hsrcpay.apiKeys.create({ ...params, name: 5 } as never));
    expect((bad as HsrcpayValidationError).field).toBe("name");
    const option = await rejectionOf(hsrcpay.apiKeys.create(params, { timeout: -1 }));
    expect((option as HsrcpayValidationError).field).toBe("options.timeout");
    expect(calls).toHaveLength(0);
  });
});
