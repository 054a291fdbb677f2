// The token function runs under the call's own controls: a function that never returns cannot hang
// the call, and once the caller's signal has fired nothing is sent, whatever the function does next.
import { afterEach, describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayAbortError, HsrcpayTimeoutError } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer;
afterEach(async () => {
  await server?.close();
});

async function serve() {
  server = await startFaultServer((res) =>
    sendJson(res, 201, { message: "success", success: true, data: apiKeyData }),
  );
  return server;
}

/** A token function the test resolves by hand; `called` settles once the client has called it. */
function deferredToken() {
  let resolve: (value: string) => void = () => {};
  let wasCalled: () => void = () => {};
  const pending = new Promise<string>((r) => {
    resolve = r;
  });
  const called = new Promise<void>((r) => {
    wasCalled = r;
  });
  const source = () => {
    wasCalled();
    return pending;
  };
  return { source, resolve, called };
}

/** Lets the event loop run long enough for a request to reach the local server. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("a token function", () => {
  it("that never returns ends in a timeout error, and nothing is sent", async () => {
    const { baseUrl, requests } = await serve();
    const hsrcpay = createHsrcpayClient({
      token: () => new Promise<string>(() => {}),
      baseUrl,
      timeout: 50,
    });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
    expect((error as HsrcpayTimeoutError).message).toMatch(/token function.*nothing was sent/);
    await settle();
    expect(requests).toHaveLength(0);
  });

  it("still running when the signal fires: an abort error, and nothing is sent when it returns", async () => {
    const { baseUrl, requests } = await serve();
    const tokenFn = deferredToken();
    const hsrcpay = createHsrcpayClient({ token: tokenFn.source, baseUrl });
    const controller = new AbortController();
    const call = rejectionOf(hsrcpay.apiKeys.create(params, { signal: controller.signal }));
    await tokenFn.called;
    controller.abort(new Error("user navigated away"));
    tokenFn.resolve(token);
    expect(await call).toBeInstanceOf(HsrcpayAbortError);
    await settle();
    expect(requests).toHaveLength(0);
  });

  it("through raw as well: the signal covers the token wait", async () => {
    const { baseUrl, requests } = await serve();
    const tokenFn = deferredToken();
    const hsrcpay = createHsrcpayClient({ token: tokenFn.source, baseUrl });
    const controller = new AbortController();
    const call = rejectionOf(
      hsrcpay.raw.POST("/api-keys/", {
        params: { query: { account_id: params.account_id } },
        body: { name: params.name, permissions: params.permissions },
        signal: controller.signal,
      }),
    );
    await tokenFn.called;
    controller.abort();
    tokenFn.resolve(token);
    expect(await call).toBeInstanceOf(HsrcpayAbortError);
    await settle();
    expect(requests).toHaveLength(0);
  });

  it("that returns in time is used, within the same call", async () => {
    const { baseUrl, requests } = await serve();
    const hsrcpay = createHsrcpayClient({
      token: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return token;
      },
      baseUrl,
      timeout: 5_000,
    });
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.id).toBe(apiKeyData.id);
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });
});
