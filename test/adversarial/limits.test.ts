// Numeric options and server-chosen delays are bounded: no timer overflow that turns into 1 ms,
// no retry storm from `Retry-After: 0` or a huge maxRetries.
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayValidationError,
  optionLimits,
  RateLimitError,
} from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { params, token } from "../helpers/fixtures.js";
import { rejectionOf, validationFieldOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("numeric options", () => {
  it.each([2 ** 31, 1e10, Number.POSITIVE_INFINITY, optionLimits.maxTimeoutMs + 1, 0, -1])(
    "timeout %d is refused with the field named",
    (timeout) => {
      expect(validationFieldOf(() => createHsrcpayClient({ token, timeout }))).toBe("timeout");
    },
  );

  it.each([1e9, optionLimits.maxRetries + 1, -1, 1.5])("maxRetries %d is refused", (maxRetries) => {
    expect(validationFieldOf(() => createHsrcpayClient({ token, maxRetries }))).toBe("maxRetries");
  });

  it("the bounds themselves are accepted", () => {
    expect(() =>
      createHsrcpayClient({
        token,
        timeout: optionLimits.maxTimeoutMs,
        maxRetries: optionLimits.maxRetries,
      }),
    ).not.toThrow();
  });

  it("per call too, before anything is sent", async () => {
    let sent = 0;
    const hsrcpay = createHsrcpayClient({
      token,
      fetch: async () => {
        sent++;
        return new Response(null, { status: 500 });
      },
    });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params, { timeout: 2 ** 31 }));
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe("options.timeout");
    const retries = await rejectionOf(hsrcpay.apiKeys.create(params, { maxRetries: 1e9 }));
    expect((retries as HsrcpayValidationError).field).toBe("options.maxRetries");
    expect(sent).toBe(0);
  });
});

describe("Retry-After that asks for no wait", () => {
  it.each(["0", "Thu, 01 Jan 1970 00:00:00 GMT"])(
    "Retry-After: %s still leaves the client's own backoff between attempts",
    async (retryAfter) => {
      const arrivals: number[] = [];
      server = await startFaultServer((res) => {
        arrivals.push(performance.now());
        sendJson(
          res,
          429,
          { message: "slow down", success: false, error: { code: 429, message: "slow down" } },
          { "retry-after": retryAfter },
        );
      });
      const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries: 2 });
      const error = await rejectionOf(hsrcpay.apiKeys.create(params));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(arrivals).toHaveLength(3);
      // Lower bounds only (a slow machine only widens the gaps): 250 ms and 500 ms backoff,
      // less up to 25% jitter. The old client sent all three within a few milliseconds.
      expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(180);
      expect((arrivals[2] ?? 0) - (arrivals[1] ?? 0)).toBeGreaterThanOrEqual(370);
    },
  );
});
