// Per-call options and the numeric client options: checked before anything is sent, each refusal
// naming the option, each bound documented in optionLimits.
import { describe, expect, it } from "vitest";
import { optionLimits } from "../../src/index.js";
import {
  checkMaxResponseBytes,
  checkMaxRetries,
  checkRequestOptions,
  checkTimeout,
} from "../../src/options.js";
import { validationFieldOf } from "../helpers/rejection.js";

describe("checkRequestOptions", () => {
  it("gives the caller's headers lower-cased, and the settings the transport takes", () => {
    const signal = new AbortController().signal;
    const { headers, settings } = checkRequestOptions({
      headers: { Prefer: "code=201" },
      signal,
      timeout: 5_000,
      maxRetries: 1,
    });
    expect(headers).toEqual({ prefer: "code=201" });
    expect(settings).toEqual({
      signal,
      timeoutMs: 5_000,
      maxRetries: 1,
      idempotencyKey: undefined,
    });
  });

  it("takes the Idempotency-Key from the option first, then from headers", () => {
    const both = checkRequestOptions({
      idempotencyKey: "from-option",
      headers: { "Idempotency-Key": "from-header" },
    });
    expect(both.settings.idempotencyKey).toBe("from-option");
    expect(
      checkRequestOptions({ headers: { "Idempotency-Key": "from-header" } }).settings
        .idempotencyKey,
    ).toBe("from-header");
  });

  it("keeps a header named __proto__ as a header", () => {
    const { headers } = checkRequestOptions({ headers: JSON.parse('{"__proto__":"x"}') });
    expect(Object.hasOwn(headers, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
  });

  it.each([
    [{ timeout: -1 }, "options.timeout"],
    [{ timeout: 2 ** 31 }, "options.timeout"],
    [{ maxRetries: 1.5 }, "options.maxRetries"],
    [{ maxRetries: 11 }, "options.maxRetries"],
    [{ idempotencyKey: "" }, "options.idempotencyKey"],
    [{ idempotencyKey: 42 as unknown as string }, "options.idempotencyKey"],
    [{ headers: { "Idempotency-Key": "two words" } }, "options.idempotencyKey"],
    [{ idempotencyKey: "has space" }, "options.idempotencyKey"],
    [{ signal: {} as AbortSignal }, "options.signal"],
    [{ headers: { "X-A": "a\r\nb" } }, "options.headers.X-A"],
    [{ headers: { "X-A": 5 as unknown as string } }, "options.headers.X-A"],
    [{ headers: { "bad name": "x" } }, "options.headers.bad name"],
    [{ headers: { "": "x" } }, "options.headers."],
    [{ headers: { "Transfer-Encoding": "chunked" } }, "options.headers.Transfer-Encoding"],
    [{ headers: { host: "elsewhere.example" } }, "options.headers.host"],
    [{ headers: { Connection: "close" } }, "options.headers.Connection"],
  ])("refuses %j, naming %s", (options, field) => {
    expect(validationFieldOf(() => checkRequestOptions(options))).toBe(field);
  });
});

describe("numeric option bounds", () => {
  it.each([
    [checkTimeout, 1, true],
    [checkTimeout, 0.5, true],
    [checkTimeout, optionLimits.maxTimeoutMs, true],
    [checkTimeout, optionLimits.maxTimeoutMs + 1, false],
    [checkTimeout, 0, false],
    [checkTimeout, Number.NaN, false],
    [checkTimeout, "100", false],
    [checkMaxRetries, 0, true],
    [checkMaxRetries, optionLimits.maxRetries, true],
    [checkMaxRetries, optionLimits.maxRetries + 1, false],
    [checkMaxRetries, -1, false],
    [checkMaxRetries, 2.5, false],
    [checkMaxResponseBytes, optionLimits.minResponseBytes, true],
    [checkMaxResponseBytes, optionLimits.maxResponseBytes, true],
    [checkMaxResponseBytes, optionLimits.minResponseBytes - 1, false],
    [checkMaxResponseBytes, optionLimits.maxResponseBytes + 1, false],
    [checkMaxResponseBytes, 2048.5, false],
  ] as const)("%o(%s) accepts: %s", (check, value, accepted) => {
    const field = validationFieldOf(() => check(value, "opt"));
    expect(field).toBe(accepted ? undefined : "opt");
  });

  it("undefined means the default", () => {
    expect(() => checkTimeout(undefined, "t")).not.toThrow();
    expect(() => checkMaxRetries(undefined, "r")).not.toThrow();
    expect(() => checkMaxResponseBytes(undefined, "b")).not.toThrow();
  });

  it("says the bounds in the message", () => {
    expect(() => checkTimeout(2 ** 31, "timeout")).toThrow(
      `timeout must be a number of milliseconds above 0 and at most ${optionLimits.maxTimeoutMs}`,
    );
    expect(() => checkMaxRetries(99, "maxRetries")).toThrow(
      `maxRetries must be a whole number from 0 to ${optionLimits.maxRetries}`,
    );
  });
});
