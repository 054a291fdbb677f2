// Per-call options and the numeric client options: checked before anything is sent, each refusal
// naming the option, each bound documented in optionLimits.
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError, optionLimits } from "../../../src/index.js";
import {
  checkMaxResponseBytes,
  checkMaxRetries,
  checkRequestOptions,
  checkTimeout,
} from "../../../src/resources/request-options.js";

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof HsrcpayValidationError) return error.field;
    throw error;
  }
  return undefined;
}

describe("checkRequestOptions", () => {
  it("sends JSON headers, the caller's headers lower-cased, and a fresh UUID Idempotency-Key", () => {
    const { headers, idempotencyKey } = checkRequestOptions({ headers: { Prefer: "code=201" } });
    expect(headers).toEqual({
      accept: "application/json",
      "content-type": "application/json",
      prefer: "code=201",
      "idempotency-key": idempotencyKey,
    });
    expect(idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(checkRequestOptions({}).idempotencyKey).not.toBe(idempotencyKey);
  });

  it("takes the Idempotency-Key from the option first, then from headers", () => {
    const both = checkRequestOptions({
      idempotencyKey: "from-option",
      headers: { "Idempotency-Key": "from-header" },
    });
    expect(both.idempotencyKey).toBe("from-option");
    expect(both.headers["idempotency-key"]).toBe("from-option");
    expect(
      checkRequestOptions({ headers: { "Idempotency-Key": "from-header" } }).idempotencyKey,
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
    expect(fieldOf(() => checkRequestOptions(options))).toBe(field);
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
    const field = fieldOf(() => check(value, "opt"));
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
