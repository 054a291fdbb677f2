// Attacks on the platform options (#24): withOptions, defaultHeaders, fetchOptions, a per-call
// token. Each test here failed on the code it was written against; each names the promise it holds
// the client to.
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  type HsrcpayClient,
  type HsrcpayClientOptions,
  HsrcpayTimeoutError,
  HsrcpayValidationError,
} from "../../src/index.js";
import { testBaseUrl } from "../helpers/client-with.js";
import { token } from "../helpers/fixtures.js";
import { json, observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";
import { settleWithin } from "../helpers/settle-within.js";

const ok = () => json(200, { message: "success", success: true, data: [] });
const merchantKey = "sk_test_merchant00000000000000042";

const savedEnvKey = process.env.HSRCPAY_API_KEY;
afterEach(() => {
  if (savedEnvKey === undefined) delete process.env.HSRCPAY_API_KEY;
  else process.env.HSRCPAY_API_KEY = savedEnvKey;
});

describe("withOptions over options that are not plain data", () => {
  it("a merchant's options object whose token is a getter: the derived client must not call as the platform", async () => {
    // A config class, as platforms write them: the key is read through a getter.
    class MerchantOptions {
      readonly #key: string;
      constructor(key: string) {
        this.#key = key;
      }
      get token(): string {
        return this.#key;
      }
    }
    const fetch = observedFetch(ok);
    const platform = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
    // createHsrcpayClient itself reads the getter: the same kind of object works there.
    const direct = createHsrcpayClient(
      Object.assign(new MerchantOptions(merchantKey), { baseUrl: testBaseUrl, fetch }),
    );
    await direct.accounts.list();
    const merchant = platform.withOptions(new MerchantOptions(merchantKey));
    await merchant.accounts.list();
    expect(fetch.calls.map((call) => call.headers.get("authorization"))).toEqual([
      `Bearer ${merchantKey}`,
      `Bearer ${merchantKey}`,
    ]);
  });

  it("a client made from a config object with a baseUrl getter: a derived client must keep that baseUrl", async () => {
    class SandboxConfig {
      token = token;
      fetch = observedFetch(ok);
      get baseUrl(): string {
        return testBaseUrl;
      }
    }
    const config = new SandboxConfig();
    const sandbox = createHsrcpayClient(config);
    await sandbox.accounts.list();
    await sandbox.withOptions({ maxRetries: 0 }).accounts.list();
    // The first call goes to the sandbox; the derived one must not go to production.
    expect(config.fetch.calls.map((call) => call.url.origin)).toEqual([
      new URL(testBaseUrl).origin,
      new URL(testBaseUrl).origin,
    ]);
  });

  it("withOptions({ token: undefined }) must not switch to HSRCPAY_API_KEY, a credential neither client was given", async () => {
    const envKey = "sk_live_fromtheenvironment000000009";
    process.env.HSRCPAY_API_KEY = envKey;
    const fetch = observedFetch(ok);
    const platform = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
    // A merchant config spread in, whose key is missing (an unset variable, a missing row).
    const merchantConfig: HsrcpayClientOptions = { token: undefined, timeout: 10_000 };
    try {
      await platform.withOptions(merchantConfig).accounts.list();
    } catch {
      // Refusing the missing token would do as well as keeping the platform's.
    }
    expect(fetch.calls.map((call) => call.headers.get("authorization"))).not.toContain(
      `Bearer ${envKey}`,
    );
  });
});

describe("fetchOptions and defaultHeaders that are not plain records", () => {
  it("a fetchOptions whose dispatcher is a getter reaches fetch (or is refused), not silently dropped", async () => {
    const dispatcher = { dispatch: () => true };
    // E.g. an mTLS or proxy init built by a helper class: the dispatcher is on its prototype.
    class ProxyInit {
      get dispatcher() {
        return dispatcher;
      }
    }
    const seen: (RequestInit & { dispatcher?: unknown })[] = [];
    let hsrcpay: HsrcpayClient;
    try {
      hsrcpay = createHsrcpayClient({
        token,
        baseUrl: testBaseUrl,
        fetch: async (_url, init) => {
          seen.push(init ?? {});
          return ok();
        },
        fetchOptions: new ProxyInit() as unknown as Record<string, unknown>,
      });
    } catch (error) {
      expect(error).toMatchObject({ field: "fetchOptions" });
      return;
    }
    await hsrcpay.accounts.list();
    // Dropped, the request bypasses the proxy (or the client certificate) with no word said.
    expect(seen[0]?.dispatcher).toBe(dispatcher);
  });

  it("defaultHeaders as a Headers instance is sent (or refused), not silently dropped", async () => {
    const fetch = observedFetch(ok);
    let hsrcpay: HsrcpayClient;
    try {
      hsrcpay = createHsrcpayClient({
        token,
        baseUrl: testBaseUrl,
        fetch,
        defaultHeaders: new Headers({ "X-Tenant": "merchant-42" }) as never,
      });
    } catch (error) {
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect(error).toMatchObject({ field: "defaultHeaders" });
      return;
    }
    await hsrcpay.accounts.list();
    expect(fetch.calls[0]?.headers.get("x-tenant")).toBe("merchant-42");
  });
});

describe("the caller's options object, changed after the client is made", () => {
  it("deleting its fetch does not take away the attempt's deadline from the fetch the client uses", async () => {
    // A fetch that ignores its signal: the client races it against the timeout.
    const deaf: typeof fetch = () => new Promise<Response>(() => {});
    const config: HsrcpayClientOptions = {
      token,
      baseUrl: testBaseUrl,
      fetch: deaf,
      timeout: 100,
      maxRetries: 0,
    };
    const hsrcpay = createHsrcpayClient(config);
    // The config object is reused for another client, without the custom fetch.
    delete config.fetch;
    const outcome = await settleWithin(
      rejectionOf(hsrcpay.accounts.list()),
      3_000,
      "still pending",
    );
    expect(outcome).toBeInstanceOf(HsrcpayTimeoutError);
  });
});

describe("a per-call token", () => {
  it.each([
    ["empty", ""],
    ["with a trailing newline", `${merchantKey}\n`],
  ])(
    "%s is refused as bad input: an HsrcpayValidationError naming options.token",
    async (_, given) => {
      const fetch = observedFetch(ok);
      const hsrcpay = createHsrcpayClient({ token, baseUrl: testBaseUrl, fetch });
      const error = await rejectionOf(hsrcpay.accounts.list({ token: given }));
      expect(fetch.calls).toHaveLength(0);
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect(error).toMatchObject({ field: "options.token" });
    },
  );
});
