// The one path: resource methods and raw share the openapi-fetch client, its middleware and the
// transport; the request openapi-fetch builds is a small stand-in, and a real one is followed too.
import { describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayError } from "../../src/index.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
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
