// What platform teams set on a client (#24): unknown options refused by name, default headers,
// fetch options that cannot turn redirects back on, a User-Agent, and derived clients.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createHsrcpayClient, HsrcpayValidationError } from "../../src/index.js";
import { userAgent } from "../../src/internal/user-agent.js";
import { version } from "../../src/version.js";
import { testBaseUrl } from "../helpers/client-with.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { json, observedFetch } from "../helpers/observed-fetch.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";
import { repoRoot } from "../helpers/repo-root.js";

const ok = () => json(200, { message: "success", success: true, data: [] });
const keyCreated = () => json(201, { message: "success", success: true, data: apiKeyData });

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    return (error as HsrcpayValidationError).field;
  }
  return undefined;
}

describe("unknown options are refused, naming the option and the accepted ones", () => {
  it("on the client: a typo in maxRetries would otherwise retry a payment", () => {
    let message = "";
    try {
      createHsrcpayClient({ token, maxRetry: 0 } as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^maxRetry is not an option \(the options are token, baseUrl, .*maxRetries/,
    );
    // A spread config's undefined leftovers are not options anyone set.
    expect(
      fieldOf(() => createHsrcpayClient({ token, legacy: undefined } as never)),
    ).toBeUndefined();
    expect(fieldOf(() => createHsrcpayClient(null as never))).toBe("options");
  });

  it("per call, before anything is sent", async () => {
    const fetch = observedFetch(ok);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
    const error = await rejectionOf(hsrcpay.accounts.list({ timout: 5000 } as never));
    expect(error).toMatchObject({ field: "options.timout" });
    expect((error as Error).message).toContain(
      "idempotencyKey, signal, timeout, maxRetries, headers",
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it("an Idempotency-Key on a read is a mistake, refused; on a write it is sent", async () => {
    const fetch = observedFetch(ok);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
    const read = await rejectionOf(hsrcpay.charges.list({}, { idempotencyKey: "k" } as never));
    expect(read).toMatchObject({ field: "options.idempotencyKey" });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe("defaultHeaders", () => {
  it("go on every request, resource methods and raw alike, under the per-call headers", async () => {
    const fetch = observedFetch(ok);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: testBaseUrl,
      fetch,
      defaultHeaders: { "X-Tenant": "merchant-42", Prefer: "code=200" },
    });
    await hsrcpay.accounts.list({ headers: { Prefer: "code=201" } });
    await hsrcpay.raw.GET("/accounts/");
    expect(fetch.calls.map((call) => call.headers.get("x-tenant"))).toEqual([
      "merchant-42",
      "merchant-42",
    ]);
    expect(fetch.calls.map((call) => call.headers.get("prefer"))).toEqual(["code=201", "code=200"]);
  });

  it.each([
    [{ Authorization: "Bearer other" }, "defaultHeaders.Authorization"],
    [{ "content-type": "text/plain" }, "defaultHeaders.content-type"],
    [{ "Idempotency-Key": "shared" }, "defaultHeaders.Idempotency-Key"],
    [{ Host: "evil.test" }, "defaultHeaders.Host"],
    [{ "X-Split": "a\r\nInjected: yes" }, "defaultHeaders.X-Split"],
    [{ "Bad Name": "x" }, "defaultHeaders.Bad Name"],
    [{ "X-Number": 1 }, "defaultHeaders.X-Number"],
    ["X-Tenant: 42", "defaultHeaders"],
  ])("refuses %j, naming %s", (defaultHeaders, field) => {
    expect(fieldOf(() => createHsrcpayClient({ token, defaultHeaders } as never))).toBe(field);
  });

  it("a credential put in a default header shows in no error or inspect output", async () => {
    const fetch = observedFetch(() =>
      json(400, { message: "bad", success: false, error: { code: 400, message: "bad" } }),
    );
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: testBaseUrl,
      fetch,
      defaultHeaders: { "X-Shadow-Key": token },
    });
    const error = await rejectionOf(hsrcpay.accounts.list());
    expect(printed(error)).not.toContain(token);
    expect(printed(hsrcpay)).not.toContain(token);
  });
});

describe("fetchOptions", () => {
  it("reach every fetch under the client's own init: redirects stay manual, the signal is the attempt's", async () => {
    const seen: RequestInit[] = [];
    const dispatcher = { dispatch: () => true };
    const caller = new AbortController();
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: testBaseUrl,
      fetch: async (_url, init) => {
        seen.push(init ?? {});
        return keyCreated();
      },
      fetchOptions: { dispatcher, keepalive: true },
    });
    await hsrcpay.apiKeys.create(params, { signal: caller.signal });
    const init = seen[0] as RequestInit & { dispatcher?: unknown };
    expect(init.dispatcher).toBe(dispatcher);
    expect(init.keepalive).toBe(true);
    expect(init.redirect).toBe("manual");
    expect(init.method).toBe("POST");
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal).not.toBe(caller.signal);
  });

  it.each(["redirect", "signal", "method", "headers", "body", "integrity", "mode", "window"])(
    "refuses %s: it is the client's",
    (name) => {
      expect(
        fieldOf(() => createHsrcpayClient({ token, fetchOptions: { [name]: "follow" } })),
      ).toBe(`fetchOptions.${name}`);
    },
  );
});

describe("the User-Agent", () => {
  it("names the client's version (package.json's) and the runtime's", async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    expect(version).toBe(pkg.version);
    const fetch = observedFetch(ok);
    await createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch }).accounts.list();
    expect(fetch.calls[0]?.headers.get("user-agent")).toBe(
      `@hsrcpay/client/${pkg.version} node/${process.versions.node}`,
    );
  });

  it("on each server runtime by its marks; none in a browser or a runtime it does not know", () => {
    const at = `@hsrcpay/client/${version}`;
    const node = { process: { versions: { node: "22.1.0" } } };
    expect(userAgent(node)).toBe(`${at} node/22.1.0`);
    expect(userAgent({ ...node, Bun: { version: "1.2.3" } })).toBe(`${at} bun/1.2.3`);
    expect(userAgent({ ...node, Deno: { version: { deno: "2.1.0" } } })).toBe(`${at} deno/2.1.0`);
    expect(
      userAgent({ navigator: { userAgent: "Cloudflare-Workers" }, WorkerGlobalScope: {} }),
    ).toBe(`${at} workerd`);
    expect(userAgent({ EdgeRuntime: "edge-runtime" })).toBe(`${at} edge-runtime`);
    expect(userAgent({ window: { document: {} }, ...node })).toBeUndefined();
    expect(userAgent({ WorkerGlobalScope: {} })).toBeUndefined();
    expect(userAgent({})).toBeUndefined();
    // A runtime's version string is input: nothing past visible ASCII reaches the header.
    expect(userAgent({ process: { versions: { node: "1\r\nX: y" } } })).toBe(`${at} node/1X:y`);
  });

  it("a caller's own User-Agent replaces it", async () => {
    const fetch = observedFetch(ok);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: testBaseUrl,
      fetch,
      defaultHeaders: { "User-Agent": "acme-billing/3.1" },
    });
    await hsrcpay.accounts.list();
    expect(fetch.calls[0]?.headers.get("user-agent")).toBe("acme-billing/3.1");
  });
});

describe("withOptions", () => {
  it("derives a client per merchant that shares nothing mutable with the first", async () => {
    const fetch = observedFetch(ok);
    const shared = {
      token,
      baseUrl: testBaseUrl,
      fetch,
      defaultHeaders: { "X-Tenant": "platform" },
    };
    const platform = createHsrcpayClient(shared);
    const merchantKey = "sk_test_merchant00000000000000042";
    const merchant = platform.withOptions({
      token: merchantKey,
      defaultHeaders: { "X-Tenant": "merchant-42" },
      maxRetries: 0,
    });
    shared.defaultHeaders["X-Tenant"] = "changed later";
    await merchant.accounts.list();
    await platform.accounts.list();
    expect(fetch.calls.map((call) => call.headers.get("authorization"))).toEqual([
      `Bearer ${merchantKey}`,
      `Bearer ${token}`,
    ]);
    expect(fetch.calls.map((call) => call.headers.get("x-tenant"))).toEqual([
      "merchant-42",
      "platform",
    ]);
    expect(JSON.parse(JSON.stringify(merchant))).toMatchObject({ maxRetries: 0 });
    expect(JSON.parse(JSON.stringify(platform))).toMatchObject({ maxRetries: 2 });
  });

  it("keeps the parent's credential from HSRCPAY_API_KEY, without reading the variable again", async () => {
    const fetch = observedFetch(ok);
    vi.stubEnv("HSRCPAY_API_KEY", token);
    let platform: ReturnType<typeof createHsrcpayClient>;
    try {
      platform = createHsrcpayClient({ baseUrl: testBaseUrl, fetch });
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv("HSRCPAY_API_KEY", "sk_test_changedlater0000000000000");
    try {
      const derived = platform.withOptions({ maxRetries: 0 });
      await derived.accounts.list();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(fetch.calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
  });

  it("keeps the parent's credential from HSRCPAY_API_KEY when the variable is gone", async () => {
    const fetch = observedFetch(ok);
    vi.stubEnv("HSRCPAY_API_KEY", token);
    let platform: ReturnType<typeof createHsrcpayClient>;
    try {
      platform = createHsrcpayClient({ baseUrl: testBaseUrl, fetch });
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv("HSRCPAY_API_KEY", undefined);
    try {
      await platform.withOptions({ timeout: 5_000 }).accounts.list();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(fetch.calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
  });

  it("checks the new options as createHsrcpayClient does", () => {
    const hsrcpay = createHsrcpayClient({ token });
    expect(fieldOf(() => hsrcpay.withOptions({ timeout: -1 }))).toBe("timeout");
    expect(fieldOf(() => hsrcpay.withOptions({ tokn: "x" } as never))).toBe("tokn");
    expect(fieldOf(() => hsrcpay.withOptions(undefined as never))).toBe("options");
  });
});

describe("a per-call token", () => {
  const otherKey = "sk_test_otheraccount000000000007";

  it("authenticates this call only, and is masked in what it hands back", async () => {
    const fetch = observedFetch((request) =>
      request.url.pathname.endsWith("/charges/")
        ? json(403, {
            message: `denied for ${request.headers.get("authorization")}`,
            success: false,
            error: { code: 403, message: "denied" },
          })
        : ok(),
    );
    const hsrcpay = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
    await hsrcpay.accounts.list({ token: otherKey });
    await hsrcpay.accounts.list();
    const error = await rejectionOf(hsrcpay.charges.list({}, { token: otherKey }));
    expect(fetch.calls.map((call) => call.headers.get("authorization"))).toEqual([
      `Bearer ${otherKey}`,
      `Bearer ${token}`,
      `Bearer ${otherKey}`,
    ]);
    expect(printed(error)).not.toContain(otherKey);
    expect(hsrcpay.credential?.kind).toBe("secret");
  });

  it("is checked like the client's, and a secret key is refused in a browser for it too", async () => {
    const fetch = observedFetch(ok);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
    expect(await rejectionOf(hsrcpay.accounts.list({ token: 42 as never }))).toMatchObject({
      field: "options.token",
    });
    expect(String(await rejectionOf(hsrcpay.accounts.list({ token: "sk_test_x \n" })))).toMatch(
      /options\.token/,
    );
    expect(fetch.calls).toHaveLength(0);
  });
});
