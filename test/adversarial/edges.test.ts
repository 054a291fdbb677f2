// Input and status edges that used to escape as bare errors or go out wrong.
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayError,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
} from "../../src/index.js";
import {
  type FaultServer,
  type RawServer,
  sendJson,
  startFaultServer,
  startRawServer,
} from "../helpers/fault-server.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function successServer() {
  const s = await startFaultServer((res) =>
    sendJson(res, 201, { message: "success", success: true, data: apiKeyData }),
  );
  server = s;
  return s;
}

async function fieldOf(call: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(HsrcpayValidationError);
  return (error as HsrcpayValidationError).field;
}

describe("params that cannot go out as they are", () => {
  it.each([
    ["account_id with a lone surrogate", { account_id: "acct_\uD800" }, "account_id"],
    [
      "a sparse permissions array (JSON would send null)",
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point
      { permissions: { payments: ["read", , "write"] } },
      "permissions.payments[1]",
    ],
    ["expires_at at hour 24", { expires_at: "2027-01-01T24:00:00Z" }, "expires_at"],
    ["expires_at in month 13", { expires_at: "2027-13-01T00:00:00Z" }, "expires_at"],
    ["expires_at on day 32", { expires_at: "2027-01-32T00:00:00Z" }, "expires_at"],
  ])("%s is refused with the field named, and nothing is sent", async (_name, change, field) => {
    const { baseUrl, requests } = await successServer();
    const hsrcpay = createHsrcpayClient({ token, baseUrl });
    const bad = { ...params, ...change } as typeof params;
    expect(await fieldOf(hsrcpay.apiKeys.create(bad))).toBe(field);
    expect(requests).toHaveLength(0);
  });

  // Calendar validity is meaning, not form: by the written policy (CONTRIBUTING.md) the spec's
  // pattern is checked here and the calendar is left to the server, whose 422 is a typed error.
  it.each([
    ["on 30 February", "2027-02-30T00:00:00Z"],
    ["with a leap second at noon", "2027-06-30T12:00:60Z"],
  ])(
    "expires_at %s has the spec's form, so it goes out for the server to judge",
    async (_, expires_at) => {
      const { baseUrl, requests } = await successServer();
      const hsrcpay = createHsrcpayClient({ token, baseUrl });
      await hsrcpay.apiKeys.create({ ...params, expires_at });
      expect(requests).toHaveLength(1);
    },
  );

  it.each([
    "2028-02-29T00:00:00Z",
    "2027-12-31T23:59:60Z",
    "2027-12-31T18:59:60-05:00",
    "2027-12-31T23:59:59.123+01:00",
  ])("expires_at %s is a valid RFC 3339 date-time and goes out", async (expires_at) => {
    const { baseUrl, requests } = await successServer();
    const hsrcpay = createHsrcpayClient({ token, baseUrl });
    await hsrcpay.apiKeys.create({ ...params, expires_at });
    expect(JSON.parse(requests[0]?.body ?? "{}").expires_at).toBe(expires_at);
  });
});

describe("options that would fail inside fetch", () => {
  it("a baseUrl with user:password is refused, and the password is not in the message", () => {
    let error: unknown;
    try {
      createHsrcpayClient({ token, baseUrl: "https://user:hunter2secret@api.hsrcpay.test/v1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe("baseUrl");
    expect(String(error)).not.toContain("hunter2secret");
  });

  it.each([
    ["bad header", "x"],
    ["x-ok\r\nx-injected", "x"],
    ["transfer-encoding", "chunked"],
    ["Content-Length", "5"],
    ["host", "elsewhere.example"],
  ])(
    "header %j is a validation error, not three retries and a connection error",
    async (name, value) => {
      const { baseUrl, requests } = await successServer();
      const hsrcpay = createHsrcpayClient({ token, baseUrl });
      expect(await fieldOf(hsrcpay.apiKeys.create(params, { headers: { [name]: value } }))).toBe(
        `options.headers.${name}`,
      );
      expect(requests).toHaveLength(0);
    },
  );
});

describe("statuses and reason phrases HTTP does not have", () => {
  const body = JSON.stringify({ message: "success", success: true, data: apiKeyData });
  const reply = (statusLine: string) =>
    `${statusLine}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;

  it.each([600, 799, 999])(
    "status %i is an invalid response for create and raw, not retried",
    async (status) => {
      const raw = await startRawServer(reply(`HTTP/1.1 ${status} Weird`));
      server = raw;
      const hsrcpay = createHsrcpayClient({ token, baseUrl: raw.baseUrl });
      const created = await rejectionOf(hsrcpay.apiKeys.create(params));
      expect(created).toBeInstanceOf(HsrcpayInvalidResponseError);
      expect((created as HsrcpayInvalidResponseError).status).toBe(status);
      expect(String(created)).toContain(`status ${status}`);
      const viaRaw = await rejectionOf(
        hsrcpay.raw.POST("/api-keys/", {
          params: { query: { account_id: params.account_id } },
          body: { name: params.name, permissions: params.permissions },
        }),
      );
      expect(viaRaw).toBeInstanceOf(HsrcpayInvalidResponseError);
      expect(raw.connections()).toBe(2);
    },
  );

  it("a control character in the reason phrase reaches raw as a response, not a bare TypeError", async () => {
    const raw = await startRawServer(reply("HTTP/1.1 201 Cre\x01ated\x7f"));
    server = raw;
    const hsrcpay = createHsrcpayClient({ token, baseUrl: raw.baseUrl });
    const { data, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: params.account_id } },
      body: { name: params.name, permissions: params.permissions },
    });
    expect(response.status).toBe(201);
    // The reason phrase is the server's text: it is not handed on.
    expect(response.statusText).toBe("");
    expect(data?.data.id).toBe(apiKeyData.id);
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.id).toBe(apiKeyData.id);
  });
});

describe("one AbortSignal shared by many calls", () => {
  it("prints no MaxListenersExceededWarning for 25 concurrent calls", async () => {
    const { baseUrl } = await successServer();
    const hsrcpay = createHsrcpayClient({ token, baseUrl });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const calls = Array.from({ length: 25 }, () =>
        hsrcpay.apiKeys.create(params, { signal: controller.signal }),
      );
      const results = await Promise.all(calls);
      expect(results).toHaveLength(25);
      // Node emits process warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
  });

  it("still aborts every one of them", async () => {
    server = await startFaultServer(() => {}); // never answers
    const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
    const controller = new AbortController();
    const calls = Array.from({ length: 15 }, () =>
      rejectionOf(hsrcpay.apiKeys.create(params, { signal: controller.signal })),
    );
    setTimeout(() => controller.abort(), 50);
    const errors = await Promise.all(calls);
    expect(errors.every((e) => e instanceof HsrcpayError && e.name === "HsrcpayAbortError")).toBe(
      true,
    );
  });
});
