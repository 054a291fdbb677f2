// Property: whatever goes wrong, and whatever the server echoes back, the token never shows up in
// an error's message, stack or inspect output, nor in the client's.
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHsrcpayClient } from "../../src/index.js";
import { apiKeyData, params } from "../helpers/fixtures.js";
import { type Handler, json, observedFetch } from "../helpers/observed-fetch.js";

const tokenArb = fc
  .tuple(
    fc.constantFrom("sk_test_", "sk_live_", "pk_test_", "pk_live_", "", "eyJhbGciOiJIUzI1NiJ9."),
    fc.stringMatching(/^[\x21-\x7e]{16,64}$/),
  )
  .map(([prefix, rest]) => prefix + rest);

const bearer = (headers: Headers) => headers.get("authorization") ?? "";

// Each one answers with, or fails on, something that carries the token it was sent.
const faults: Record<string, Handler> = {
  "401 envelope echoing the header": ({ headers }) =>
    json(401, {
      message: `bad ${bearer(headers)}`,
      success: false,
      error: {
        code: 401,
        message: `rejected ${bearer(headers)}`,
        details: { authorization: bearer(headers) },
      },
    }),
  "HTML 400 echoing the header": ({ headers }) =>
    new Response(`<html><pre>${bearer(headers)}</pre></html>`, {
      status: 400,
      headers: { "content-type": "text/html" },
    }),
  "a status text echoing it": ({ headers }) =>
    new Response("<html>denied</html>", {
      status: 400,
      statusText: bearer(headers),
      headers: { "content-type": "text/html" },
    }),
  "a response header echoing it": ({ headers }) =>
    json(
      403,
      { message: "no", success: false, error: { code: 403, message: "no" } },
      { "x-echo": bearer(headers) },
    ),
  "a 2xx lie echoing it": ({ headers }) =>
    json(201, {
      message: bearer(headers),
      success: false,
      data: { ...apiKeyData, note: bearer(headers) },
    }),
  "a 2xx that is not JSON": ({ headers }) =>
    new Response(`oops ${bearer(headers)}`, { status: 200 }),
  "a connection failure": () =>
    Promise.reject(new TypeError("fetch failed", { cause: new Error("read ECONNRESET") })),
  "a timeout": ({ signal }) =>
    new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
};

function everythingShown(error: unknown): string {
  const e = error as Error;
  return [
    e.message,
    e.stack,
    String(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(e),
  ].join("\n");
}

describe("secret hygiene", () => {
  it("no error and no client inspection ever shows the token", async () => {
    await fc.assert(
      fc.asyncProperty(
        tokenArb,
        fc.constantFrom(...Object.keys(faults)),
        async (token, faultName) => {
          const fetch = observedFetch(faults[faultName] as Handler);
          const hsrcpay = createHsrcpayClient({
            token,
            fetch,
            maxRetries: 0,
            timeout: 5,
            baseUrl: "https://api.test/v1",
          });
          const error = await hsrcpay.apiKeys.create(params).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(Error);
          expect(fetch.calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`); // it was sent, so it could leak
          expect(everythingShown(error)).not.toContain(token);
          expect(
            inspect(hsrcpay, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
          ).not.toContain(token);
          expect(JSON.stringify(hsrcpay)).not.toContain(token);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("no error shows a token given through a function either", async () => {
    await fc.assert(
      fc.asyncProperty(tokenArb, async (token) => {
        const fetch = observedFetch(faults["401 envelope echoing the header"] as Handler);
        const hsrcpay = createHsrcpayClient({
          token: async () => token,
          fetch,
          baseUrl: "https://api.test/v1",
        });
        const error = await hsrcpay.apiKeys.create(params).catch((e: unknown) => e);
        expect(everythingShown(error)).not.toContain(token);
        expect(inspect(hsrcpay, { depth: Number.POSITIVE_INFINITY })).not.toContain(token);
      }),
    );
  });
});
