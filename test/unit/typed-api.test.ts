// The one path: resource methods and raw share the openapi-fetch client, its middleware and the
// transport; the request openapi-fetch builds is a small stand-in, and a real one is followed too.
import { describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayError } from "../../src/index.js";
import { apiKeyData, params, successEnvelope, token } from "../helpers/fixtures.js";
import { created, observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

function client() {
  const fetch = observedFetch(() => created());
  return {
    hsrcpay: createHsrcpayClient({ token, baseUrl: "https://api.test/v1", fetch }),
    calls: fetch.calls,
  };
}

describe("the typed client under every call", () => {
  it("middleware added with raw.use sees the resource methods' requests and responses", async () => {
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
    const key = await hsrcpay.apiKeys.create(params);
    expect(key.id).toBe(apiKeyData.id);
    expect(seen).toEqual(["POST /api-keys/", "201"]);
    expect(calls[0]?.headers.get("x-trace")).toBe("t-1");
  });

  it("the request middleware sees has the URL, method, headers and body, and can be cloned", async () => {
    const { hsrcpay } = client();
    let seen: { url: string; method: string; body: unknown; accept: string | null } | undefined;
    hsrcpay.raw.use({
      onRequest({ request }) {
        const copy = request.clone();
        seen = {
          url: copy.url,
          method: copy.method,
          body: copy.body,
          accept: copy.headers.get("accept"),
        };
      },
    });
    await hsrcpay.apiKeys.create(params);
    expect(seen).toEqual({
      url: `https://api.test/v1/api-keys/?account_id=${params.account_id}`,
      method: "POST",
      body: JSON.stringify({ name: params.name, permissions: params.permissions }),
      accept: "application/json",
    });
  });

  it("a real Request returned by middleware is sent, body included", async () => {
    const { hsrcpay, calls } = client();
    hsrcpay.raw.use({
      onRequest({ request }) {
        return new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body as unknown as string,
        });
      },
    });
    await hsrcpay.apiKeys.create(params);
    expect(JSON.parse(calls[0]?.body ?? "{}")).toEqual({
      name: params.name,
      permissions: params.permissions,
    });
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(calls[0]?.headers.get("idempotency-key")).toBeTruthy();
  });

  it("a response a middleware made up is refused by the resource methods with a clear error", async () => {
    const { hsrcpay, calls } = client();
    hsrcpay.raw.use({ onRequest: () => new Response("{}", { status: 201 }) });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(HsrcpayError);
    expect((error as Error).message).toMatch(/middleware replaced the response/);
    expect(calls).toHaveLength(0);
  });

  it("raw writes get an Idempotency-Key and raw reads none", async () => {
    const { hsrcpay, calls } = client();
    await hsrcpay.raw.DELETE("/api-keys/{id}", { params: { path: { id: "key_1" } } });
    await hsrcpay.raw.GET("/api-keys/", { params: { query: { account_id: "a" } } });
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]?.headers.get("idempotency-key")).toBeNull();
  });
});

describe("what middleware and raw see of a request and an answer", () => {
  function clientOf(handler: Parameters<typeof observedFetch>[0], maxResponseBytes?: number) {
    const fetch = observedFetch(handler);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "https://api.test/v1",
      fetch,
      maxRetries: 0,
      ...(maxResponseBytes ? { maxResponseBytes } : {}),
    });
    return { hsrcpay, calls: fetch.calls };
  }

  it("a clone of the request returned by middleware is what is sent", async () => {
    const { hsrcpay, calls } = clientOf(() => created());
    hsrcpay.raw.use({
      onRequest({ request }) {
        const copy = request.clone();
        copy.headers.set("x-copied", "yes");
        return copy;
      },
    });
    await hsrcpay.apiKeys.create(params);
    expect(calls[0]?.headers.get("x-copied")).toBe("yes");
  });

  it.each([
    [201, true],
    [299, true],
    [404, false],
  ])(
    "a resource method's %i answer reaches middleware with ok %s and its text",
    async (status, ok) => {
      const body = JSON.stringify({ message: "hello", success: status < 300 });
      const { hsrcpay } = clientOf(() => new Response(body, { status }));
      let seen: { ok: boolean; text: string; json: unknown; body: unknown } | undefined;
      hsrcpay.raw.use({
        async onResponse({ response }) {
          seen = {
            ok: response.ok,
            text: await response.text(),
            json: await response.json(),
            body: response.body,
          };
        },
      });
      await hsrcpay.apiKeys.create(params).catch(() => undefined);
      expect(seen).toEqual({ ok, text: body, json: JSON.parse(body), body: null });
    },
  );

  it.each([204, 205])("raw returns a %i answer without a body", async (status) => {
    const { hsrcpay } = clientOf(() => new Response(null, { status }));
    const { response } = await hsrcpay.raw.DELETE("/api-keys/{id}", {
      params: { path: { id: "key_1" } },
    });
    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
  });

  it("raw responses drop the wire's framing headers and keep the rest", async () => {
    const text = JSON.stringify(successEnvelope());
    const { hsrcpay } = clientOf(
      () =>
        new Response(text, {
          status: 201,
          headers: {
            "content-type": "application/json",
            "content-length": String(text.length),
            "content-encoding": "identity",
            "transfer-encoding": "chunked",
            "x-request-id": "req_9",
          },
        }),
    );
    const { response, data } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "a" } },
      body: { name: "n", permissions: {} },
    });
    expect(data).toEqual(successEnvelope());
    for (const name of ["content-length", "content-encoding", "transfer-encoding"]) {
      expect(response.headers.get(name)).toBeNull();
    }
    expect(response.headers.get("x-request-id")).toBe("req_9");
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("a raw HEAD carries no Idempotency-Key; a raw DELETE keeps the caller's", async () => {
    const { hsrcpay, calls } = clientOf(() => new Response(null, { status: 200 }));
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
    const { hsrcpay } = clientOf(big, 2_048);
    const raw = (await rejectionOf(
      hsrcpay.raw.DELETE("/api-keys/{id}", { params: { path: { id: "key_1" } } }),
    )) as Error;
    expect(raw.message).toContain("(DELETE /v1/api-keys/key_1; ");
    const resource = (await rejectionOf(hsrcpay.apiKeys.delete("key_1"))) as Error;
    expect(resource.message).toContain("(DELETE /v1/api-keys/{id}; ");
  });

  it("a replaced response is refused with the reason and the way out", async () => {
    const { hsrcpay } = clientOf(() => created());
    hsrcpay.raw.use({ onResponse: () => new Response("{}", { status: 201 }) });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as Error;
    expect(error.message).toBe(
      "A middleware replaced the response: the resource methods read only the client's own; use hsrcpay.raw for replaced responses",
    );
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
