// Property: whatever goes wrong, and whatever the server echoes back, the token never shows up in
// an error's message, stack, headers or inspect output, nor in the client's. Each fault is first
// shown to have taken its own path (its error class and status): a call that ended some other way,
// a timeout say, never got the echoed token to hide and proves nothing.
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createHsrcpayClient,
  HsrcpayConnectionError,
  type HsrcpayError,
  HsrcpayInvalidResponseError,
  HsrcpayRedirectError,
  HsrcpayResponseTooLargeError,
  HsrcpayTimeoutError,
  PermissionDeniedError,
  type RequestOptions,
} from "../../src/index.js";
import { apiKeyData, errorEnvelope, params } from "../helpers/fixtures.js";
import { type Handler, hang, json, observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

const tokenArb = fc
  .tuple(
    fc.constantFrom("sk_test_", "sk_live_", "pk_test_", "pk_live_", "", "eyJhbGciOiJIUzI1NiJ9."),
    fc.stringMatching(/^[\x21-\x7e]{16,64}$/),
  )
  .map(([prefix, rest]) => prefix + rest);

const bearer = (headers: Headers) => headers.get("authorization") ?? "";

// The smallest cap the client allows; the too-large fault sends more than this.
const maxResponseBytes = 1_024;

interface Fault {
  /** Answers with, or fails on, something that carries the token it was sent. */
  answer: Handler;
  /** The error this fault must end in, so that its own path is known to have run. */
  expected: abstract new (
    ...args: never[]
  ) => HsrcpayError;
  /** Its status, where the error has one. */
  status?: number;
  options?: RequestOptions;
  /** What else the error must say, where the fault has more to check. */
  check?: (error: unknown) => void;
}

const faults: Record<string, Fault> = {
  "401 envelope echoing the header": {
    answer: ({ headers }) =>
      json(401, {
        message: `bad ${bearer(headers)}`,
        success: false,
        error: {
          code: 401,
          message: `rejected ${bearer(headers)}`,
          details: { authorization: bearer(headers), [bearer(headers)]: "as a key" },
        },
      }),
    expected: AuthenticationError,
    status: 401,
  },
  "HTML 400 echoing the header": {
    answer: ({ headers }) =>
      new Response(`<html><pre>${bearer(headers)}</pre></html>`, {
        status: 400,
        headers: { "content-type": "text/html" },
      }),
    expected: BadRequestError,
    status: 400,
  },
  "a response header echoing it": {
    answer: ({ headers }) =>
      json(403, errorEnvelope(403, "no"), {
        "x-echo": bearer(headers),
        "x-request-id": bearer(headers),
      }),
    expected: PermissionDeniedError,
    status: 403,
    check: (error) => {
      expect((error as PermissionDeniedError).requestId).toBe("Bearer [redacted]");
      expect((error as PermissionDeniedError).headers.get("x-echo")).toBeNull();
    },
  },
  "a redirect to a URL carrying it": {
    answer: ({ headers }) =>
      new Response(null, {
        status: 307,
        headers: { location: `https://elsewhere.test/?t=${bearer(headers)}` },
      }),
    expected: HsrcpayRedirectError,
    status: 307,
    // The Location's origin only: its query, where the token was, is not kept.
    check: (error) =>
      expect((error as HsrcpayRedirectError).location).toBe("https://elsewhere.test"),
  },
  "a 2xx lie echoing it": {
    answer: ({ headers }) =>
      json(201, {
        message: bearer(headers),
        success: false,
        data: { ...apiKeyData, note: bearer(headers) },
      }),
    expected: HsrcpayInvalidResponseError,
    status: 201,
  },
  "a 2xx that is not JSON": {
    answer: ({ headers }) => new Response(`oops ${bearer(headers)}`, { status: 200 }),
    expected: HsrcpayInvalidResponseError,
    status: 200,
  },
  "a 2xx over the size cap, echoing it throughout": {
    answer: ({ headers }) =>
      json(200, { message: bearer(headers).repeat(Math.ceil(maxResponseBytes / 16)) }),
    expected: HsrcpayResponseTooLargeError,
    status: 200,
  },
  "a connection failure": {
    answer: () =>
      Promise.reject(new TypeError("fetch failed", { cause: new Error("read ECONNRESET") })),
    expected: HsrcpayConnectionError,
  },
  "a timeout": {
    answer: hang,
    expected: HsrcpayTimeoutError,
    options: { timeout: 5 },
  },
};

function everythingShown(error: unknown): string {
  const e = error as Error & { headers?: Headers };
  return [
    e.message,
    e.stack,
    String(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(e),
    ...(e.headers ? [...e.headers].map(([name, value]) => `${name}: ${value}`) : []),
  ].join("\n");
}

describe("secret hygiene", () => {
  it("no error and no client inspection ever shows the token, whatever the fault", async () => {
    await fc.assert(
      fc.asyncProperty(
        tokenArb,
        fc.constantFrom(...Object.keys(faults)),
        async (token, faultName) => {
          const fault = faults[faultName] as Fault;
          const fetch = observedFetch(fault.answer);
          const hsrcpay = createHsrcpayClient({
            token,
            fetch,
            maxRetries: 0,
            // Far longer than any answer here takes: only the timeout fault can end in a timeout.
            timeout: 1_000,
            maxResponseBytes,
            baseUrl: "https://api.test/v1",
          });
          const error = await rejectionOf(hsrcpay.apiKeys.create(params, fault.options));
          expect(error).toBeInstanceOf(fault.expected);
          expect((error as Error).name).toBe(fault.expected.name);
          if (fault.status !== undefined) expect(error).toHaveProperty("status", fault.status);
          fault.check?.(error);
          expect(fetch.calls).toHaveLength(1);
          expect(fetch.calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`); // it was sent, so it could leak
          expect(everythingShown(error)).not.toContain(token);
          expect(
            inspect(hsrcpay, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
          ).not.toContain(token);
          expect(JSON.stringify(hsrcpay)).not.toContain(token);
        },
      ),
      // A fault that ends on the wrong path is reported at once, not shrunk run after slow run.
      { numRuns: 200, endOnFailure: true },
    );
  });

  it("no error shows a token given through a function either", async () => {
    await fc.assert(
      fc.asyncProperty(tokenArb, async (token) => {
        const fault = faults["401 envelope echoing the header"] as Fault;
        const fetch = observedFetch(fault.answer);
        const hsrcpay = createHsrcpayClient({
          token: async () => token,
          fetch,
          maxRetries: 0,
          timeout: 1_000,
          baseUrl: "https://api.test/v1",
        });
        const error = await rejectionOf(hsrcpay.apiKeys.create(params));
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error).toHaveProperty("status", 401);
        expect(fetch.calls[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
        expect(everythingShown(error)).not.toContain(token);
        expect(inspect(hsrcpay, { depth: Number.POSITIVE_INFINITY })).not.toContain(token);
      }),
      { endOnFailure: true },
    );
  });
});
