// Per-call options and the numeric client options: checked before anything is sent, each refusal
// naming the option, each bound documented in optionLimits.
import { describe, expect, it } from "vitest";
import { optionLimits } from "../../src/index.js";
import {
  checkMaxResponseBytes,
  checkMaxRetries,
  checkRequestOptions,
  checkTimeout,
  type RequestOptions,
} from "../../src/internal/options.js";
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

describe("what checkRequestOptions says", () => {
  const messageOf = (options: RequestOptions) => {
    try {
      checkRequestOptions(options);
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  };

  it.each([
    [{ signal: {} as AbortSignal }, "options.signal must be an AbortSignal"],
    [
      { headers: { "bad name": "x" } },
      "options.headers.bad name is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
    ],
    [
      { headers: { Host: "x" } },
      "options.headers.Host is set by the HTTP stack, not by the caller",
    ],
    [
      { headers: { "X-A": "a\nb" } },
      "options.headers.X-A must be a string of Latin-1 characters without line breaks or other control characters",
    ],
    [
      { idempotencyKey: "two words" },
      "options.idempotencyKey must be a non-empty string of visible ASCII characters",
    ],
  ] as const)("refuses %j with a message naming the option", (options, message) => {
    expect(messageOf(options)).toBe(message);
  });

  it("states the response size bounds", () => {
    expect(() => checkMaxResponseBytes(1, "maxResponseBytes")).toThrow(
      `maxResponseBytes must be a whole number of bytes from ${optionLimits.minResponseBytes} to ${optionLimits.maxResponseBytes}`,
    );
  });
});

describe("header names and values", () => {
  it.each([
    "connection",
    "Content-Length",
    "expect",
    "HOST",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
  ])("refuses %s, which the HTTP stack sets", (name) => {
    expect(validationFieldOf(() => checkRequestOptions({ headers: { [name]: "x" } }))).toBe(
      `options.headers.${name}`,
    );
  });

  it.each(["x", "Prefer", "X-Trace-Id", "!#$%&'*+-.^_`|~09az", "tee", "hosts", ""])(
    "accepts the header name %j when it is a token, and refuses the rest",
    (name) => {
      const field = validationFieldOf(() => checkRequestOptions({ headers: { [name]: "v" } }));
      expect(field).toBe(name === "" ? "options.headers." : undefined);
    },
  );

  it.each([" x", "x ", "a b", "x:", "(x)", "é", "x\n"])("refuses the header name %j", (name) => {
    expect(validationFieldOf(() => checkRequestOptions({ headers: { [name]: "v" } }))).toBe(
      `options.headers.${name}`,
    );
  });

  it.each(["", "v", "two words", "\ttabbed", "caf\u00e9", "\x7e\x80\xff"])(
    "accepts the header value %j",
    (value) => {
      expect(checkRequestOptions({ headers: { "x-a": value } }).headers).toEqual({ "x-a": value });
    },
  );

  it.each(["a\nb", "\nb", "a\n", "\r", "\x00", "\x7f", "\u0100", "ok\u2026"])(
    "refuses the header value %j",
    (value) => {
      expect(validationFieldOf(() => checkRequestOptions({ headers: { "x-a": value } }))).toBe(
        "options.headers.x-a",
      );
    },
  );

  it("gives headers the caller may change or delete", () => {
    const { headers } = checkRequestOptions({ headers: { "X-A": "1" } });
    expect(Object.getOwnPropertyDescriptor(headers, "x-a")).toEqual({
      value: "1",
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
});
