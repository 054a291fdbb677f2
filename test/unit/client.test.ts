import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import {
  createHsrcpayClient,
  defaultMaxResponseBytes,
  HsrcpayConnectionError,
  HsrcpayError,
  HsrcpayInvalidResponseError,
  HsrcpayResponseTooLargeError,
  HsrcpayTimeoutError,
  HsrcpayValidationError,
} from "../../src/index.js";
import { token } from "../helpers/fixtures.js";
import { created, failure, json, observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

describe("createHsrcpayClient options", () => {
  it.each([
    [{ baseUrl: "api.hsrcpay.com/v1" }, "baseUrl"],
    [{ baseUrl: "ftp://api.hsrcpay.com/v1" }, "baseUrl"],
    [{ baseUrl: "https://api.hsrcpay.com/v1?x=1" }, "baseUrl"],
    [{ baseUrl: "https://user:pass@api.hsrcpay.com/v1" }, "baseUrl"],
    [{ baseUrl: "https://api.hsrcpay.com/v1#frag" }, "baseUrl"],
    [{ baseUrl: 42 }, "baseUrl"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ timeout: 0 }, "timeout"],
    [{ maxResponseBytes: 100 }, "maxResponseBytes"],
    [{ fetch: "no" }, "fetch"],
  ])("rejects %o, naming %s", (options, field) => {
    const error = (() => {
      try {
        createHsrcpayClient({ token, ...(options as object) });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe(field);
  });

  it("defaults to HSRCPAY's production API, 2 retries and a 30 s timeout", () => {
    // Empty is unset: the default, whatever the developer's shell exports.
    vi.stubEnv("HSRCPAY_BASE_URL", "");
    try {
      const hsrcpay = createHsrcpayClient({ token });
      expect(hsrcpay.baseUrl).toBe("https://api.hsrcpay.com/v1");
      expect(JSON.parse(JSON.stringify(hsrcpay))).toMatchObject({ maxRetries: 2, timeout: 30_000 });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("accepts a base URL with a trailing slash", async () => {
    const fetch = observedFetch(() => created());
    const hsrcpay = createHsrcpayClient({ token, fetch, baseUrl: "http://127.0.0.1:4010/" });
    await hsrcpay.apiKeys.create({ account_id: "a", name: "n", permissions: {} });
    expect(fetch.calls[0]?.url.href).toBe("http://127.0.0.1:4010/api-keys/?account_id=a");
  });

  // Only the runtime's own fetch is trusted to end when its signal aborts (src/transport.ts,
  // honoursSignal); a real server that stalls is in test/unit/transport.test.ts.
  it("a fetch of one's own that ignores its signal still cannot hang a call", async () => {
    const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const hsrcpay = createHsrcpayClient({ token, fetch, timeout: 50, maxRetries: 0 });
    const error = await rejectionOf(
      hsrcpay.apiKeys.create({ account_id: "a", name: "n", permissions: {} }),
    );
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
  });
});

describe("inspecting the client", () => {
  it("shows the credential kind and a masked token, never the token", () => {
    const hsrcpay = createHsrcpayClient({ token });
    for (const shown of [
      inspect(hsrcpay, { depth: 10, showHidden: true }),
      JSON.stringify(hsrcpay),
      String(Object.values(hsrcpay)),
    ]) {
      expect(shown).not.toContain(token);
    }
    expect(inspect(hsrcpay)).toContain("sk_test_…9f2c");
    expect(JSON.parse(JSON.stringify(hsrcpay)).credential).toEqual({
      kind: "secret",
      mode: "sandbox",
    });
  });
});

describe("hsrcpay.raw", () => {
  it("calls any operation in the spec with the client's credential and an Idempotency-Key", async () => {
    const fetch = observedFetch(() => created(200));
    const hsrcpay = createHsrcpayClient({ token, fetch, baseUrl: "https://api.test/v1" });
    const { data, error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "acct_1" } },
      body: { name: "n", permissions: { payments: ["read"] } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data.id).toBe("key_9xT2mQ4rL7vN1bZ8");
    const [sent] = fetch.calls;
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(sent?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(sent?.body ?? "")).toEqual({
      name: "n",
      permissions: { payments: ["read"] },
    });
  });

  it("shares retries: the same body and Idempotency-Key go out again", async () => {
    const fetch = observedFetch((_, i) =>
      i === 0 ? failure(503, "busy", { "retry-after": "0" }) : created(),
    );
    const hsrcpay = createHsrcpayClient({ token, fetch, baseUrl: "https://api.test/v1" });
    const { response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "acct_1" } },
      body: { name: "n", permissions: {} },
    });
    expect(response.status).toBe(201);
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]?.body).toBe(fetch.calls[0]?.body);
    expect(fetch.calls[1]?.headers.get("idempotency-key")).toBe(
      fetch.calls[0]?.headers.get("idempotency-key"),
    );
  });

  it("returns failures as { error } with the envelope, and throws typed errors for no answer", async () => {
    const fetch = observedFetch(() => failure(404, "Account not found"));
    const hsrcpay = createHsrcpayClient({ token, fetch, baseUrl: "https://api.test/v1" });
    const { data, error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "acct_1" } },
      body: { name: "n", permissions: {} },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error?.error.message).toBe("Account not found");

    const down = createHsrcpayClient({
      token,
      maxRetries: 0,
      baseUrl: "https://api.test/v1",
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    await expect(
      down.raw.POST("/api-keys/", {
        params: { query: { account_id: "a" } },
        body: { name: "n", permissions: {} },
      }),
    ).rejects.toBeInstanceOf(HsrcpayConnectionError);
  });
});

describe("hsrcpay.raw and what arrives", () => {
  const call = (hsrcpay: ReturnType<typeof createHsrcpayClient>) =>
    hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "a" } },
      body: { name: "n", permissions: {} },
    });

  it("returns a failure body as the masked envelope, with the allow-listed headers only", async () => {
    const fetch = observedFetch(() =>
      json(
        401,
        {
          message: `bad ${token}`,
          success: false,
          error: { code: 401, message: "no", details: { hint: token } },
          trace: "internal",
        },
        {
          "content-length": "999",
          "x-echo": token,
          "x-request-id": `req-${token}`,
          "set-cookie": "a=b",
        },
      ),
    );
    const { error, response } = await call(createHsrcpayClient({ token, fetch, maxRetries: 0 }));
    expect(response.status).toBe(401);
    expect(response.statusText).toBe("");
    expect(error).toEqual({
      success: false,
      message: "bad [redacted]",
      error: { code: 401, message: "no", details: { hint: "[redacted]" } },
    });
    expect([...response.headers.keys()].sort()).toEqual(["content-type", "x-request-id"]);
    expect(response.headers.get("x-request-id")).toBe("req-[redacted]");
  });

  it("returns no failure body when it was not HSRCPAY's envelope: its text never reaches the caller", async () => {
    const page = `<html><body>Proxy error for ${token}</body></html>`;
    const fetch = observedFetch(
      () => new Response(page, { status: 502, headers: { "content-type": "text/html" } }),
    );
    const { data, error, response } = await call(
      createHsrcpayClient({ token, fetch, maxRetries: 0 }),
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(JSON.stringify(error ?? null)).not.toContain("Proxy error");
    expect(await response.text()).toBe("");
  });

  it("throws HsrcpayInvalidResponseError for a success body that is not JSON, never a SyntaxError", async () => {
    const fetch = observedFetch(
      () =>
        new Response(`<html>${token}</html>`, {
          status: 200,
          headers: { "content-type": "text/html" },
        }),
    );
    const error = await rejectionOf(call(createHsrcpayClient({ token, fetch })));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain("a body that is not JSON");
    expect((error as Error).message).not.toContain(token);
  });

  it("returns a success body as it arrived: the plaintext key is the data asked for", async () => {
    const fetch = observedFetch(() => created());
    const { data } = await call(createHsrcpayClient({ token, fetch }));
    expect(data?.data.key).toMatch(/^sk_test_51PqR/);
  });

  it("throws HsrcpayResponseTooLargeError for a success body past the cap", async () => {
    const fetch = observedFetch(() => new Response("x".repeat(5_000), { status: 201 }));
    const hsrcpay = createHsrcpayClient({ token, fetch, maxResponseBytes: 2_048 });
    const error = await rejectionOf(call(hsrcpay));
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
    expect((error as HsrcpayResponseTooLargeError).limit).toBe(2_048);
  });

  it("caps a success body at 4 MiB by default", async () => {
    const fetch = observedFetch(
      () => new Response(" ".repeat(defaultMaxResponseBytes + 1), { status: 201 }),
    );
    const hsrcpay = createHsrcpayClient({ token, fetch });
    expect(JSON.parse(JSON.stringify(hsrcpay)).maxResponseBytes).toBe(4 * 1024 * 1024);
    const error = await rejectionOf(call(hsrcpay));
    expect((error as HsrcpayResponseTooLargeError).limit).toBe(4 * 1024 * 1024);
  });
});

describe("createHsrcpayClient: what a refused option says", () => {
  const refusal = (options: object) => {
    try {
      createHsrcpayClient({ token, ...options });
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected createHsrcpayClient to throw");
  };

  it.each([
    [{ fetch: 5 }, "fetch must be a function"],
    [
      { baseUrl: "nope" },
      "baseUrl must be an absolute http(s) URL such as https://api.hsrcpay.com/v1",
    ],
    [
      { baseUrl: "https://user@api.test/v1" },
      "baseUrl must not contain a user name or password; the client authenticates with its token",
    ],
    [
      { baseUrl: "https://:secret@api.test/v1" },
      "baseUrl must not contain a user name or password; the client authenticates with its token",
    ],
    [
      { baseUrl: new URL("https://api.test/v1") },
      "baseUrl must be an absolute http(s) URL such as https://api.hsrcpay.com/v1",
    ],
  ])("%o is refused with its reason", (options, message) => {
    const error = refusal(options);
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect(error.message).toBe(message);
  });

  it("names the token option when the token given is empty", () => {
    expect(refusal({ token: "" }).message).toBe(
      "No HSRCPAY credential: the token option (pass token to createHsrcpayClient or set HSRCPAY_API_KEY) gave an empty string.",
    );
  });

  it("names HSRCPAY_API_KEY when the token comes from the environment", () => {
    vi.stubEnv("HSRCPAY_API_KEY", "");
    try {
      const error = (() => {
        try {
          createHsrcpayClient({});
        } catch (e) {
          return e as Error;
        }
        throw new Error("expected createHsrcpayClient to throw");
      })();
      expect(error.message).toBe(
        "No HSRCPAY credential: HSRCPAY_API_KEY (pass token to createHsrcpayClient or set HSRCPAY_API_KEY) gave an empty string.",
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("uses HSRCPAY's production API when no base URL is given", async () => {
    vi.stubEnv("HSRCPAY_BASE_URL", "");
    try {
      const fetch = observedFetch(() => created());
      const hsrcpay = createHsrcpayClient({ token, fetch });
      await hsrcpay.apiKeys.create({ account_id: "a", name: "n", permissions: {} });
      expect(fetch.calls[0]?.url.href).toBe("https://api.hsrcpay.com/v1/api-keys/?account_id=a");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("drops every trailing slash of the base URL", () => {
    expect(createHsrcpayClient({ token, baseUrl: "https://api.test/v1//" }).baseUrl).toBe(
      "https://api.test/v1",
    );
  });

  it("shows a token function as such, never calling it", () => {
    let calls = 0;
    const hsrcpay = createHsrcpayClient({
      token: () => {
        calls++;
        return token;
      },
    });
    expect(JSON.parse(JSON.stringify(hsrcpay)).token).toBe("(from a function)");
    expect(calls).toBe(0);
  });
});

describe("createHsrcpayClient without crypto.randomUUID", () => {
  // Node 18 has no global crypto; a browser page over plain http has crypto without randomUUID.
  // Restored at once: vitest itself may need crypto.
  const constructedWith = (crypto: unknown) => {
    vi.stubGlobal("crypto", crypto);
    try {
      return createHsrcpayClient({ token, fetch: observedFetch(() => created()) });
    } catch (error) {
      return error;
    } finally {
      vi.unstubAllGlobals();
    }
  };

  it.each([
    ["no crypto (Node 18)", undefined],
    ["crypto without randomUUID (an http page)", { getRandomValues: () => undefined }],
  ])("refuses at construction with %s, saying what it needs", (_, crypto) => {
    const error = constructedWith(crypto);
    expect(error).toBeInstanceOf(HsrcpayError);
    expect((error as Error).message).toBe(
      "This runtime has no global crypto.randomUUID(), which the client needs for Idempotency-Keys: " +
        "use Node 20 or later, or in a browser a page served over https or from localhost.",
    );
  });

  it("builds the client when randomUUID is there", () => {
    const client = constructedWith({ randomUUID: () => "8d1b6f8c-0000-4000-8000-000000000000" });
    expect(client).not.toBeInstanceOf(Error);
  });
});

// Found by the mutation run: a failure's request id meets the failure body's secrets too.
describe("a failure whose request id echoes a secret of its own body", () => {
  it("hands back the request id with that secret masked", async () => {
    const secret = "whsec_zz81Kq2Lm7Np4Vb6Xc3";
    const fetch = async () =>
      new Response(
        JSON.stringify({
          success: false,
          message: "conflict",
          error: { code: 409, message: "conflict", details: { secret } },
        }),
        {
          status: 409,
          headers: { "content-type": "application/json", "x-request-id": `req-${secret}` },
        },
      );
    const hsrcpay = createHsrcpayClient({ token, fetch, maxRetries: 0 });
    const error = (await rejectionOf(hsrcpay.webhooks.list({ account_id: "acct_1" }))) as {
      requestId?: string;
    };
    expect(error.requestId).toBe("req-[redacted]");
  });
});
