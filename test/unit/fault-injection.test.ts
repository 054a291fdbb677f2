// The client against a real misbehaving server on 127.0.0.1 (node:http), with the real fetch.
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayAbortError,
  HsrcpayInvalidResponseError,
  InternalServerError,
  RateLimitError,
} from "../../src/index.js";
import {
  type Fault,
  type FaultServer,
  sendJson,
  startFaultServer,
} from "../helpers/fault-server.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";

const success = { message: "success", success: true, data: apiKeyData };
const envelope = (status: number, message: string) => ({
  message,
  success: false,
  error: { code: status, message, details: {} },
});

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault, options: { timeout?: number; maxRetries?: number } = {}) {
  server = await startFaultServer(fault);
  return {
    hsrcpay: createHsrcpayClient({ token, baseUrl: server.baseUrl, ...options }),
    seen: server.requests,
  };
}

describe("against a faulty server", () => {
  it("503 then 201: one key, the same Idempotency-Key and body on both attempts", async () => {
    const { hsrcpay, seen } = await clientFor((res, i) =>
      i === 0
        ? sendJson(res, 503, envelope(503, "Service unavailable"))
        : sendJson(res, 201, success),
    );
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.lastResponse.status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.headers["idempotency-key"]).toBeTruthy();
    expect(seen[1]?.headers["idempotency-key"]).toBe(seen[0]?.headers["idempotency-key"]);
    expect(seen[1]?.body).toBe(seen[0]?.body);
    expect(seen[0]?.url).toBe(`/v1/api-keys/?account_id=${params.account_id}`);
  });

  it("429 with Retry-After: waits as told, then succeeds", async () => {
    const { hsrcpay, seen } = await clientFor((res, i) =>
      i === 0
        ? sendJson(res, 429, envelope(429, "Too many requests"), { "retry-after": "1" })
        : sendJson(res, 201, success),
    );
    const started = performance.now();
    await hsrcpay.apiKeys.create(params);
    expect(seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950); // a lower bound: it did wait
  });

  it("429 on every attempt ends in a RateLimitError with retryAfter", async () => {
    const { hsrcpay, seen } = await clientFor((res) =>
      sendJson(res, 429, envelope(429, "Too many requests"), { "retry-after": "0" }),
    );
    const error = (await hsrcpay.apiKeys.create(params).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(0);
    expect(seen).toHaveLength(3);
  });

  it("a connection reset mid-response is retried", async () => {
    const { hsrcpay, seen } = await clientFor((res, i) => {
      if (i > 0) return sendJson(res, 201, success);
      res.writeHead(201, { "content-type": "application/json", "content-length": "400" });
      res.write('{"message":"success","success":true,"data":{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.id).toBe(apiKeyData.id);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers["idempotency-key"]).toBe(seen[0]?.headers["idempotency-key"]);
  });

  it("a server that hangs: the attempt times out and the retry succeeds", async () => {
    const { hsrcpay, seen } = await clientFor(
      (res, i) => (i === 0 ? undefined : sendJson(res, 201, success)),
      { timeout: 300 },
    );
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.lastResponse.status).toBe(201);
    expect(seen).toHaveLength(2);
  });

  it("HTML 502 from a proxy: InternalServerError that says what arrived", async () => {
    const { hsrcpay, seen } = await clientFor(
      (res) => {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
      },
      { maxRetries: 1 },
    );
    const error = (await hsrcpay.apiKeys
      .create(params)
      .catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(error.message).toContain("content-type text/html");
    expect(error.message).toContain("<title>502 Bad Gateway</title>");
    expect(seen).toHaveLength(2);
  });

  it("truncated JSON with a 201: HsrcpayInvalidResponseError with the first bytes", async () => {
    const { hsrcpay } = await clientFor((res) => {
      res.writeHead(201, { "content-type": "application/json" });
      res.end('{"message":"success","success":true,"data":{"object":"api_');
    });
    const error = (await hsrcpay.apiKeys
      .create(params)
      .catch((e: unknown) => e)) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.bodyStart).toBe('{"message":"success","success":true,"data":{"object":"api_');
  });

  it("200 with success: false: HsrcpayInvalidResponseError, not a key", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendJson(res, 200, envelope(500, "Could not store the key")),
    );
    const error = (await hsrcpay.apiKeys
      .create(params)
      .catch((e: unknown) => e)) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain('success: false ("Could not store the key")');
  });

  it("the caller aborting during the backoff wait stops at once", async () => {
    const { hsrcpay, seen } = await clientFor((res) =>
      sendJson(res, 503, envelope(503, "busy"), { "retry-after": "30" }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = performance.now();
    const error = await hsrcpay.apiKeys
      .create(params, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect(performance.now() - started).toBeLessThan(10_000); // not the 30 s it was told to wait
    expect(seen).toHaveLength(1);
  });
});
