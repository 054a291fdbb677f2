// What platform teams set on a client (#24): unknown options refused by name, default headers,
// fetch options that cannot turn redirects back on, a User-Agent, and derived clients.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  createHsrcpayClient,
  type HsrcpayClientOptions,
  HsrcpayValidationError,
  type RequestOptions,
} from "../../src/index.js";
import { clientOptionNames, requestOptionNames } from "../../src/internal/options.js";
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

describe("HSRCPAY_BASE_URL", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const mockUrl = "http://127.0.0.1:4010/v1";

  /** The URL of the one request a client made with `options` sends for `accounts.list()`. */
  async function sentTo(options: HsrcpayClientOptions = {}) {
    const fetch = observedFetch(ok);
    const hsrcpay = createHsrcpayClient({ token, fetch, ...options });
    await hsrcpay.accounts.list();
    return { url: fetch.calls[0]?.url.href, baseUrl: hsrcpay.baseUrl, hsrcpay, fetch };
  }

  it("is where requests go when no baseUrl is given", async () => {
    vi.stubEnv("HSRCPAY_BASE_URL", mockUrl);
    const { url, baseUrl } = await sentTo();
    expect(url).toBe(`${mockUrl}/accounts/`);
    expect(baseUrl).toBe(mockUrl);
  });

  it("an explicit baseUrl wins; baseUrl: undefined (a spread config's leftover) does not", async () => {
    vi.stubEnv("HSRCPAY_BASE_URL", mockUrl);
    expect((await sentTo({ baseUrl: testBaseUrl })).url).toBe(`${testBaseUrl}/accounts/`);
    expect((await sentTo({ baseUrl: undefined })).url).toBe(`${mockUrl}/accounts/`);
    // An explicit baseUrl is taken even while the variable holds something that is no URL.
    vi.stubEnv("HSRCPAY_BASE_URL", "not a url");
    expect((await sentTo({ baseUrl: testBaseUrl })).baseUrl).toBe(testBaseUrl);
  });

  it("unset, empty or blank: the default; spaces and a trailing newline around a value are ignored", async () => {
    vi.stubEnv("HSRCPAY_BASE_URL", undefined);
    expect((await sentTo()).baseUrl).toBe("https://api.hsrcpay.com/v1");
    for (const blank of ["", "   ", "\n"]) {
      vi.stubEnv("HSRCPAY_BASE_URL", blank);
      expect((await sentTo()).baseUrl).toBe("https://api.hsrcpay.com/v1");
    }
    vi.stubEnv("HSRCPAY_BASE_URL", ` ${mockUrl}/\n`);
    expect((await sentTo()).url).toBe(`${mockUrl}/accounts/`);
  });

  it("a bad value is refused naming the variable, never replaced by the default", () => {
    for (const bad of [
      "api.hsrcpay.com/v1",
      "ftp://api.hsrcpay.com/v1",
      "https://api.hsrcpay.com/v1?x=1",
      "https://user:pass@api.hsrcpay.com/v1",
    ]) {
      vi.stubEnv("HSRCPAY_BASE_URL", bad);
      let error: unknown;
      try {
        createHsrcpayClient({ token });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect((error as HsrcpayValidationError).field).toBe("HSRCPAY_BASE_URL");
      expect((error as Error).message).toMatch(/^HSRCPAY_BASE_URL must /);
      expect((error as Error).message).toContain("pass the baseUrl option");
      // The password in the variable is not repeated in the message.
      expect((error as Error).message).not.toContain("pass@");
    }
  });

  it("any value is taken or refused exactly as the same baseUrl option would be", () => {
    const outcome = (make: () => { baseUrl: string }) => {
      try {
        return { baseUrl: make().baseUrl };
      } catch (error) {
        expect(error).toBeInstanceOf(HsrcpayValidationError);
        const { field, message } = error as HsrcpayValidationError;
        return { field, problem: message.slice(field.length).replace(/ \(or unset it.*\)$/, "") };
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
          fc.constantFrom("http://", "https://[::1]:8080/v1/", "javascript:alert(1)", "//x/v1"),
        ),
        (value) => {
          fc.pre(value.trim() !== "");
          vi.stubEnv("HSRCPAY_BASE_URL", value);
          const fromEnv = outcome(() => createHsrcpayClient({ token }));
          vi.unstubAllEnvs();
          const fromOption = outcome(() => createHsrcpayClient({ token, baseUrl: value.trim() }));
          if ("field" in fromOption) {
            expect(fromEnv).toEqual({ ...fromOption, field: "HSRCPAY_BASE_URL" });
          } else {
            expect(fromEnv).toEqual(fromOption);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a derived client keeps its parent's, without reading the variable again", async () => {
    vi.stubEnv("HSRCPAY_BASE_URL", mockUrl);
    const fetch = observedFetch(ok);
    const platform = createHsrcpayClient({ token, fetch });
    vi.stubEnv("HSRCPAY_BASE_URL", "https://elsewhere.example/v1");
    await platform.withOptions({ maxRetries: 0 }).accounts.list();
    vi.stubEnv("HSRCPAY_BASE_URL", undefined);
    await platform.withOptions({ timeout: 5_000 }).accounts.list();
    vi.stubEnv("HSRCPAY_BASE_URL", "no url at all");
    const merchant = platform.withOptions({ token: "sk_test_merchant00000000000000042" });
    await merchant.accounts.list();
    await platform.withOptions({ baseUrl: testBaseUrl }).accounts.list();
    expect(fetch.calls.map((call) => call.url.origin + call.url.pathname)).toEqual([
      `${mockUrl}/accounts/`,
      `${mockUrl}/accounts/`,
      `${mockUrl}/accounts/`,
      `${testBaseUrl}/accounts/`,
    ]);
    expect(merchant.baseUrl).toBe(mockUrl);
  });

  it("where there is no process (a browser, a worker): the default, and no error", () => {
    vi.stubEnv("HSRCPAY_BASE_URL", mockUrl);
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, "process");
    Object.defineProperty(globalThis, "process", { value: undefined, configurable: true });
    let baseUrl: string | undefined;
    try {
      baseUrl = createHsrcpayClient({ token: "pk_test_browser000000000000000" }).baseUrl;
    } finally {
      if (descriptor) Object.defineProperty(globalThis, "process", descriptor);
    }
    expect(baseUrl).toBe("https://api.hsrcpay.com/v1");
  });

  it("in Deno, read only when granted: without --allow-env the default, and no prompt", () => {
    vi.stubEnv("HSRCPAY_BASE_URL", mockUrl);
    const asked: string[] = [];
    const state = { value: "prompt" };
    const g = globalThis as { Deno?: unknown };
    g.Deno = {
      permissions: {
        querySync: ({ variable }: { variable: string }) => {
          asked.push(variable);
          return { state: state.value };
        },
      },
    };
    try {
      expect(createHsrcpayClient({ token }).baseUrl).toBe("https://api.hsrcpay.com/v1");
      state.value = "granted";
      expect(createHsrcpayClient({ token }).baseUrl).toBe(mockUrl);
    } finally {
      delete g.Deno;
    }
    expect(asked).toContain("HSRCPAY_BASE_URL");
  });
});

describe("the option names the client accepts", () => {
  it("are exactly the keys of the option types", () => {
    expectTypeOf<(typeof clientOptionNames)[number]>().toEqualTypeOf<keyof HsrcpayClientOptions>();
    expectTypeOf<(typeof requestOptionNames)[number]>().toEqualTypeOf<keyof RequestOptions>();
    expect(requestOptionNames).toContain("token");
    expect(new Set(clientOptionNames).size).toBe(clientOptionNames.length);
  });
});
