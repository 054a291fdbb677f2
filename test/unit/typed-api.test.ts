// The two ways a call is built: the resource methods by the client's own builder, `raw` by stock
// openapi-fetch with real Request objects. Both reach the same exchange and transport, so the
// injected `fetch` (the documented seam) sees every request; middleware added with `raw.use` sees
// `raw`'s calls only, and the answers it sees are what `raw` hands on (allow-listed, masked).
import { describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayInvalidResponseError } from "../../src/index.js";
import { apiKeyData, errorEnvelope, params, successEnvelope, token } from "../helpers/fixtures.js";
import { created, json, observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

function client(handler: Parameters<typeof observedFetch>[0] = () => created()) {
  const fetch = observedFetch(handler);
  return {
    hsrcpay: createHsrcpayClient({ token, baseUrl: "https://api.test/v1", fetch, maxRetries: 0 }),
    calls: fetch.calls,
  };
}

/** The raw call that matches `hsrcpay.apiKeys.create(params)`. */
const rawCreate = (hsrcpay: ReturnType<typeof client>["hsrcpay"]) =>
  hsrcpay.raw.POST("/api-keys/", {
    params: { query: { account_id: params.account_id } },
    body: { name: params.name, permissions: params.permissions },
  });

describe("the fetch option sees every request", () => {
  it("a resource method's and raw's requests both reach it, authorised, writes with a key", async () => {
    const { hsrcpay, calls } = client();
    const key = await hsrcpay.apiKeys.create(params);
    const { data } = await rawCreate(hsrcpay);
    await hsrcpay.raw.GET("/api-keys/", { params: { query: { account_id: "a" } } });
    expect(key.id).toBe(apiKeyData.id);
    expect(data?.data.id).toBe(apiKeyData.id);
    expect(calls.map((call) => `${call.method} ${call.url.href}`)).toEqual([
      `POST https://api.test/v1/api-keys/?account_id=${params.account_id}`,
      `POST https://api.test/v1/api-keys/?account_id=${params.account_id}`,
      "GET https://api.test/v1/api-keys/?account_id=a",
    ]);
    for (const call of calls) expect(call.headers.get("authorization")).toBe(`Bearer ${token}`);
    const sentBodies = calls.slice(0, 2).map((call) => JSON.parse(call.body ?? "null"));
    expect(sentBodies).toEqual([
      { name: params.name, permissions: params.permissions },
      { name: params.name, permissions: params.permissions },
    ]);
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[2]?.headers.get("idempotency-key")).toBeNull();
  });
});

describe("middleware added with raw.use", () => {
  it("sees raw's request and response, and what it sets on the request is sent", async () => {
    const { hsrcpay, calls } = client();
    const seen: string[] = [];
    hsrcpay.raw.use({
      onRequest({ request, schemaPath }) {
        seen.push(`${request.method} ${schemaPath}`);
        request.headers.set("x-trace", "t-1");
      },
      onResponse({ response }) {
        seen.push(String(response.status));
      },
    });
    const { data } = await rawCreate(hsrcpay);
    expect(data?.data.id).toBe(apiKeyData.id);
    expect(seen).toEqual(["POST /api-keys/", "201"]);
    expect(calls[0]?.headers.get("x-trace")).toBe("t-1");
  });

  it("does not see the resource methods' calls, and cannot change or answer them", async () => {
    const { hsrcpay, calls } = client();
    const seen: string[] = [];
    hsrcpay.raw.use({
      onRequest({ request }) {
        seen.push(`request ${request.method}`);
        request.headers.set("x-trace", "t-1");
        return new Response("{}", { status: 201 });
      },
      onResponse({ response }) {
        seen.push(`response ${response.status}`);
        return new Response("{}", { status: 201 });
      },
    });
    const key = await hsrcpay.apiKeys.create(params);
    const deleted = await hsrcpay.apiKeys.delete(apiKeyData.id);
    expect(key.id).toBe(apiKeyData.id);
    expect(deleted.deleted).toBe(true);
    expect(seen).toEqual([]);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.headers.get("x-trace")).toBeNull();
  });

  it("is handed a real Request with the URL, method, headers and body, which can be cloned", async () => {
    const { hsrcpay } = client();
    let seen: Record<string, unknown> | undefined;
    hsrcpay.raw.use({
      async onRequest({ request }) {
        const copy = request.clone();
        seen = {
          isRequest: request instanceof Request,
          url: copy.url,
          method: copy.method,
          body: await copy.text(),
          accept: copy.headers.get("accept"),
          contentType: copy.headers.get("content-type"),
        };
      },
    });
    await rawCreate(hsrcpay);
    expect(seen).toEqual({
      isRequest: true,
      url: `https://api.test/v1/api-keys/?account_id=${params.account_id}`,
      method: "POST",
      body: JSON.stringify({ name: params.name, permissions: params.permissions }),
      accept: "application/json",
      contentType: "application/json",
    });
  });

  it("a new Request it returns is sent, body included, with the client's credential and key", async () => {
    const { hsrcpay, calls } = client();
    hsrcpay.raw.use({
      async onRequest({ request }) {
        return new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: await request.clone().text(),
        });
      },
    });
    await rawCreate(hsrcpay);
    expect(JSON.parse(calls[0]?.body ?? "{}")).toEqual({
      name: params.name,
      permissions: params.permissions,
    });
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a clone of the request it returns is what is sent", async () => {
    const { hsrcpay, calls } = client();
    hsrcpay.raw.use({
      onRequest({ request }) {
        const copy = request.clone();
        copy.headers.set("x-copied", "yes");
        return copy;
      },
    });
    await rawCreate(hsrcpay);
    expect(calls[0]?.headers.get("x-copied")).toBe("yes");
    expect(JSON.parse(calls[0]?.body ?? "{}")).toEqual({
      name: params.name,
      permissions: params.permissions,
    });
  });

  it.each([201, 299])("sees a %i success with ok true and its body as it came", async (status) => {
    const body = JSON.stringify(successEnvelope());
    const { hsrcpay } = client(() => new Response(body, { status }));
    let seen: { ok: boolean; text: string } | undefined;
    hsrcpay.raw.use({
      async onResponse({ response }) {
        seen = { ok: response.ok, text: await response.clone().text() };
      },
    });
    const { data, response } = await rawCreate(hsrcpay);
    expect(seen).toEqual({ ok: true, text: body });
    expect(response.status).toBe(status);
    expect(data).toEqual(successEnvelope());
  });

  it("sees a failure with ok false and the masked error envelope as its body", async () => {
    const envelope = errorEnvelope(404, `no key for Bearer ${token}`, { token, hint: "x" });
    const { hsrcpay } = client(() =>
      json(404, envelope, { "x-request-id": `req_${token}`, server: "internal-gw-7" }),
    );
    let seen: { ok: boolean; text: string; requestId: string | null } | undefined;
    hsrcpay.raw.use({
      async onResponse({ response }) {
        seen = {
          ok: response.ok,
          text: await response.clone().text(),
          requestId: response.headers.get("x-request-id"),
        };
      },
    });
    const { error, response } = await rawCreate(hsrcpay);
    const maskedEnvelope = {
      success: false,
      message: "no key for Bearer [redacted]",
      error: {
        code: 404,
        message: "no key for Bearer [redacted]",
        details: { token: "[redacted]", hint: "x" },
      },
    };
    expect(seen?.ok).toBe(false);
    expect(JSON.parse(seen?.text ?? "null")).toEqual(maskedEnvelope);
    expect(seen?.text).not.toContain(token);
    expect(seen?.requestId).toBe("req_[redacted]");
    expect(error).toEqual(maskedEnvelope);
    expect(response.headers.get("server")).toBeNull();
  });

  it("sees a failure whose body is not an error envelope with no body at all", async () => {
    const page = `<html>proxy error for ${token}</html>`;
    const { hsrcpay } = client(
      () => new Response(page, { status: 502, headers: { "content-type": "text/html" } }),
    );
    let seen: { ok: boolean; status: number; body: unknown } | undefined;
    hsrcpay.raw.use({
      onResponse({ response }) {
        seen = { ok: response.ok, status: response.status, body: response.body };
      },
    });
    const { response } = await rawCreate(hsrcpay);
    expect(seen).toEqual({ ok: false, status: 502, body: null });
    expect(await response.text()).toBe("");
    expect(response.headers.get("content-type")).toBe("text/html");
  });
});

describe("what raw hands on", () => {
  it("raw writes get an Idempotency-Key and raw reads none", async () => {
    const { hsrcpay, calls } = client();
    await hsrcpay.raw.DELETE("/api-keys/{id}", { params: { path: { id: "key_1" } } });
    await hsrcpay.raw.GET("/api-keys/", { params: { query: { account_id: "a" } } });
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]?.headers.get("idempotency-key")).toBeNull();
  });

  it.each([204, 205])("raw returns a %i answer without a body", async (status) => {
    const { hsrcpay } = client(() => new Response(null, { status }));
    const { response } = await hsrcpay.raw.DELETE("/api-keys/{id}", {
      params: { path: { id: "key_1" } },
    });
    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
  });

  it("a success that is not JSON is an invalid response, not a SyntaxError quoting it", async () => {
    const page = `<html>hello ${token}</html>`;
    const { hsrcpay } = client(() => new Response(page, { status: 201 }));
    const error = (await rejectionOf(rawCreate(hsrcpay))) as Error;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("a body that is not JSON");
    expect(error.message).not.toContain("hello");
  });

  it("raw responses carry only the allow-listed headers, masked, never the wire's framing", async () => {
    const text = JSON.stringify(successEnvelope());
    const { hsrcpay } = client(
      () =>
        new Response(text, {
          status: 201,
          headers: {
            "content-type": "application/json",
            "content-length": String(text.length),
            "content-encoding": "identity",
            "transfer-encoding": "chunked",
            "x-request-id": `req_9_${token}`,
            "x-ratelimit-remaining": "99",
            server: "internal-gw-7",
            "x-powered-by": "Express",
          },
        }),
    );
    const { response, data } = await rawCreate(hsrcpay);
    expect(data).toEqual(successEnvelope());
    expect([...response.headers.keys()].sort()).toEqual([
      "content-type",
      "x-ratelimit-remaining",
      "x-request-id",
    ]);
    expect(response.headers.get("x-request-id")).toBe("req_9_[redacted]");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("99");
    expect(response.statusText).toBe("");
  });

  it("a raw HEAD carries no Idempotency-Key; a raw DELETE keeps the caller's", async () => {
    const { hsrcpay, calls } = client(() => new Response(null, { status: 200 }));
    const head = hsrcpay.raw.HEAD as unknown as (path: string, init: object) => Promise<unknown>;
    await head("/api-keys/", { params: { query: { account_id: "a" } } });
    await hsrcpay.raw.DELETE("/api-keys/{id}", {
      params: { path: { id: "key_1" } },
      headers: { "idempotency-key": "mine-1" },
    });
    expect(calls.map((call) => [call.method, call.headers.get("idempotency-key")])).toEqual([
      ["HEAD", null],
      ["DELETE", "mine-1"],
    ]);
  });

  it("raw names the operation by the path it requested, resource methods by the template", async () => {
    const big = () => new Response("x".repeat(5_000), { status: 200 });
    const fetch = observedFetch(big);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "https://api.test/v1",
      fetch,
      maxRetries: 0,
      maxResponseBytes: 2_048,
    });
    const raw = (await rejectionOf(
      hsrcpay.raw.DELETE("/api-keys/{id}", { params: { path: { id: "key_1" } } }),
    )) as Error;
    expect(raw.message).toContain("(DELETE /v1/api-keys/key_1; ");
    const resource = (await rejectionOf(hsrcpay.apiKeys.delete("key_1"))) as Error;
    expect(resource.message).toContain("(DELETE /v1/api-keys/{id}; ");
  });
});

describe("headers named like Object.prototype's properties", () => {
  it("a caller's header named __proto__ reaches fetch as a header, not as a prototype", async () => {
    const seen: RequestInit[] = [];
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "https://api.test/v1",
      fetch: async (_url, init) => {
        seen.push(init ?? {});
        return created();
      },
    });
    await hsrcpay.apiKeys.create(params, { headers: JSON.parse('{"__proto__":"kept"}') });
    const headers = seen[0]?.headers as Record<string, string>;
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(headers, "__proto__")?.value).toBe("kept");
  });
});
