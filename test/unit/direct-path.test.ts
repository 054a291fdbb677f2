// A resource method builds its request itself while no middleware is registered, and through
// openapi-fetch while one is (so that the middleware sees it). Both must send the same request:
// for every operation of the spec, and for any headers a caller may set.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHsrcpayClient, type HsrcpayClient } from "../../src/index.js";
import { createApi } from "../../src/internal/typed-api.js";
import { operationsUnderTest } from "../contract/operations.js";
import { token } from "../helpers/fixtures.js";

interface Sent {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
}

/** A client whose fetch keeps what it is handed and answers 400, so that each call sends once. */
function recordingClient(options: { defaultHeaders?: Record<string, string> } = {}) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    sent.push({
      method: init.method ?? "GET",
      url: String(url),
      // As handed to fetch (a custom fetch sees them as they are); the order is not part of a
      // request's meaning, and openapi-fetch's Headers sort them.
      headers: Object.entries(init.headers as Record<string, string>).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
      body: typeof init.body === "string" ? init.body : null,
    });
    return new Response(
      JSON.stringify({ success: false, message: "no", error: { code: 400, message: "no" } }),
      { status: 400, headers: { "content-type": "application/json" } },
    );
  };
  const hsrcpay = createHsrcpayClient({
    token,
    baseUrl: "https://api.example/v1/",
    maxRetries: 0,
    fetch: fetch as typeof globalThis.fetch,
    ...options,
  });
  return { hsrcpay, sent };
}

/** The request one call sends, both ways: directly, then with a middleware that changes nothing. */
async function bothWays(
  call: (hsrcpay: HsrcpayClient) => PromiseLike<unknown>,
  options: { defaultHeaders?: Record<string, string> } = {},
): Promise<[Sent | undefined, Sent | undefined, number]> {
  const direct = recordingClient(options);
  await Promise.resolve(call(direct.hsrcpay)).then(undefined, () => undefined);
  const through = recordingClient(options);
  let seen = 0;
  through.hsrcpay.raw.use({
    onRequest: () => {
      seen++;
      return undefined;
    },
  });
  await Promise.resolve(call(through.hsrcpay)).then(undefined, () => undefined);
  return [direct.sent[0], through.sent[0], seen];
}

describe("the request a resource method builds itself", () => {
  it.each(operationsUnderTest.map((row) => [row.operationId, row] as const))(
    "%s: the same as openapi-fetch builds",
    async (_, row) => {
      const options = row.write ? { idempotencyKey: "idem-fixed-1" } : {};
      const [direct, through, seen] = await bothWays((hsrcpay) => row.call(hsrcpay, options));
      expect(direct).toBeDefined();
      expect(direct).toEqual(through);
      expect(seen).toBe(1);
    },
  );

  it("the same for any headers of the call and defaults of the client", async () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,15}$/);
    // Latin-1 without control characters, spaces and tabs around it included (Headers trims them).
    const value = fc.stringMatching(
      /^[\t ]{0,2}(?:[\x21-\x7e\xa0-\xff]{1,4}[\t ]{1,2}){0,2}[\x21-\x7e\xa0-\xff]{0,6}[\t ]{0,2}$/,
    );
    const headers = fc
      .dictionary(name, value, { maxKeys: 4 })
      .map((record) =>
        Object.fromEntries(
          Object.entries(record).filter(
            ([key]) =>
              !/^(authorization|content-type|content-length|idempotency-key|host|connection|transfer-encoding|te|trailer|upgrade|keep-alive|expect|proxy-.*|user-agent|accept-encoding|cookie|__proto__)$/i.test(
                key,
              ),
          ),
        ),
      );
    const confirm = operationsUnderTest.find((row) => row.operationId === "confirmPayment");
    const list = operationsUnderTest.find((row) => row.operationId === "listPayments");
    if (!confirm || !list) throw new Error("the contract table lost its payment rows");
    await fc.assert(
      fc.asyncProperty(headers, headers, fc.boolean(), async (perCall, defaults, write) => {
        const row = write ? confirm : list;
        const options = write ? { headers: perCall, idempotencyKey: "k-1" } : { headers: perCall };
        const [direct, through] = await bothWays((hsrcpay) => row.call(hsrcpay, options), {
          defaultHeaders: defaults,
        });
        // A header the client refuses is refused both ways, before anything is sent.
        expect(direct).toEqual(through);
      }),
      { numRuns: 60 },
    );
  });
});

describe("middleware", () => {
  it("sees a resource method's call while registered, and not after it is ejected", async () => {
    const { hsrcpay } = recordingClient();
    const seen: string[] = [];
    const middleware = {
      onRequest: ({ request }: { request: Request }) => {
        seen.push(request.method);
        return undefined;
      },
    };
    const call = () => hsrcpay.payments.retrieve("pay_1").then(undefined, () => undefined);
    hsrcpay.raw.use(middleware);
    hsrcpay.raw.use(middleware);
    await call();
    hsrcpay.raw.eject(middleware);
    await call();
    hsrcpay.raw.eject(middleware);
    await call();
    // Registered twice: it runs twice on the first call, once on the second (one left), then never.
    expect(seen).toEqual(["GET", "GET", "GET"]);
  });

  it("is counted as openapi-fetch keeps it: refused, empty, twice, ejected once", () => {
    const { api, hasMiddleware } = createApi(
      {
        fetch: globalThis.fetch,
        token: () => token,
        maxRetries: 0,
        timeoutMs: 1_000,
        maxResponseBytes: 1_024,
      },
      "https://api.example/v1",
    );
    const middleware = { onRequest: () => undefined };
    expect(() => api.use({} as never)).toThrow();
    api.use(undefined as never);
    expect(hasMiddleware()).toBe(false);
    api.use(middleware, middleware);
    api.eject(middleware);
    expect(hasMiddleware()).toBe(true);
    api.eject(middleware);
    expect(hasMiddleware()).toBe(false);
    api.eject(middleware);
    expect(hasMiddleware()).toBe(false);
    // Ejecting one never registered leaves the others; ejecting the last of two empties the list.
    const other = { onResponse: () => undefined };
    api.use(middleware, other);
    api.eject({ onRequest: () => undefined });
    expect(hasMiddleware()).toBe(true);
    api.eject(other);
    api.eject(middleware);
    expect(hasMiddleware()).toBe(false);
  });
});
