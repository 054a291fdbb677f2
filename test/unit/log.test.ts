// The reporter behind `logLevel`, `logger`, HSRCPAY_LOG and `onRetry`: which lines each level
// shows, what they say, and that a broken logger or hook never breaks a call.
import { afterEach, describe, expect, it, vi } from "vitest";
import { HsrcpayValidationError } from "../../src/index.js";
import { type AttemptReport, type RetryEvent, reporterFor } from "../../src/internal/log.js";
import { logRecorder } from "../helpers/log-recorder.js";
import { validationFieldOf } from "../helpers/rejection.js";

const attempt: AttemptReport = {
  operation: "POST /v1/api-keys/",
  attempt: 1,
  maxAttempts: 3,
  outcome: 503,
  durationMs: 12.4,
  requestId: "req_1",
  idempotencyKey: "idem-1",
};
const retry: RetryEvent = {
  operation: "POST /v1/api-keys/",
  attempt: 1,
  maxAttempts: 3,
  reason: "status",
  status: 503,
  delayMs: 250,
  durationMs: 12,
  requestId: "req_1",
  idempotencyKey: "idem-1",
};

function reporterAt(logLevel: string) {
  const log = logRecorder();
  const reporter = reporterFor({ logLevel, logger: log.logger }, undefined);
  reporter?.attempt(attempt);
  reporter?.retry(retry);
  reporter?.finished({ ...attempt, outcome: 201 }, 2, 300);
  reporter?.finished({ ...attempt, outcome: 409 }, 1, 20);
  reporter?.finished({ ...attempt, outcome: "timeout" }, 3, 90_000);
  return log;
}

describe("log levels", () => {
  it("off (the default) makes no reporter at all", () => {
    expect(reporterFor({}, undefined)).toBeUndefined();
    expect(reporterFor({ logLevel: "off" }, "debug")).toBeUndefined();
    expect(reporterFor({}, "")).toBeUndefined();
  });

  it.each([
    ["error", ["error", "error"]],
    ["warn", ["warn", "error", "error"]],
    ["info", ["warn", "info", "error", "error"]],
    ["debug", ["debug", "warn", "info", "error", "error"]],
  ])("%s shows %j", (level, expected) => {
    expect(reporterAt(level).lines.map((line) => line.level)).toEqual(expected);
  });

  it("reads HSRCPAY_LOG when logLevel is not given; logLevel wins over it", () => {
    const log = logRecorder();
    reporterFor({ logger: log.logger }, "warn")?.retry(retry);
    reporterFor({ logger: log.logger, logLevel: "error" }, "debug")?.retry(retry);
    expect(log.lines).toHaveLength(1);
  });
});

describe("lines", () => {
  it("say the attempt, its outcome and time, the request id and the Idempotency-Key", () => {
    const { lines } = reporterAt("debug");
    expect(lines.map((line) => line.line)).toEqual([
      "[hsrcpay] POST /v1/api-keys/ attempt 1/3: 503 in 12 ms (request id req_1, idempotency key idem-1)",
      "[hsrcpay] POST /v1/api-keys/ attempt 1/3 got 503; retrying in 250 ms with the same idempotency key (request id req_1, idempotency key idem-1)",
      "[hsrcpay] POST /v1/api-keys/ 201 after 2 attempts in 300 ms (request id req_1, idempotency key idem-1)",
      "[hsrcpay] POST /v1/api-keys/ failed: 409 after 1 attempt in 20 ms (request id req_1, idempotency key idem-1)",
      "[hsrcpay] POST /v1/api-keys/ failed: no answer in time after 3 attempts in 90000 ms (request id req_1, idempotency key idem-1)",
    ]);
  });

  it("name failures without an answer and add a detail when there is one", () => {
    const log = logRecorder();
    const reporter = reporterFor({ logLevel: "debug", logger: log.logger }, undefined);
    reporter?.attempt({
      ...attempt,
      outcome: "connection",
      requestId: undefined,
      idempotencyKey: undefined,
      detail: "fetch failed: other side closed",
    });
    reporter?.retry({ ...retry, reason: "timeout", status: undefined });
    expect(log.lines.map((line) => line.line)).toEqual([
      "[hsrcpay] POST /v1/api-keys/ attempt 1/3: a connection failure in 12 ms: fetch failed: other side closed",
      "[hsrcpay] POST /v1/api-keys/ attempt 1/3 got no answer in time; retrying in 250 ms with the same idempotency key (request id req_1, idempotency key idem-1)",
    ]);
  });
});

describe("onRetry", () => {
  it("receives every retry event, also with logging off", () => {
    const events: RetryEvent[] = [];
    reporterFor({ onRetry: (event: RetryEvent) => void events.push(event) }, undefined)?.retry(
      retry,
    );
    expect(events).toEqual([retry]);
  });

  it("throwing or rejecting is logged at warn and never escapes", async () => {
    const log = logRecorder();
    const throwing = reporterFor(
      {
        logLevel: "warn",
        logger: log.logger,
        onRetry: () => {
          throw new Error("metrics down");
        },
      },
      undefined,
    );
    expect(() => throwing?.retry(retry)).not.toThrow();
    const rejecting = reporterFor(
      {
        logLevel: "warn",
        logger: log.logger,
        onRetry: async () => Promise.reject(new Error("late")),
      },
      undefined,
    );
    rejecting?.retry(retry);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.lines.map((line) => line.line).filter((line) => line.includes("onRetry"))).toEqual([
      "[hsrcpay] onRetry threw (the call goes on): metrics down",
      "[hsrcpay] onRetry threw (the call goes on): late",
    ]);
  });
});

describe("a logger that throws", () => {
  it("does not break the reporting call", () => {
    const broken = {
      debug: () => {
        throw new Error("disk full");
      },
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    const reporter = reporterFor({ logLevel: "debug", logger: broken }, undefined);
    expect(() => reporter?.attempt(attempt)).not.toThrow();
  });
});

describe("bad options", () => {
  it.each([
    [{ logLevel: "verbose" }, undefined, "logLevel"],
    [{ logLevel: 3 }, undefined, "logLevel"],
    [{ logLevel: "debug", logger: { debug() {} } }, undefined, "logger"],
    [{ logger: "console" }, undefined, "logger"],
    [{ onRetry: "metrics" }, undefined, "onRetry"],
  ])("%j with HSRCPAY_LOG=%s names %s", (options, env, field) => {
    expect(validationFieldOf(() => reporterFor(options, env))).toBe(field);
  });

  it("lists the levels when one is wrong", () => {
    expect(() => reporterFor({ logLevel: "verbose" }, undefined)).toThrow(
      new HsrcpayValidationError(
        "logLevel",
        'must be one of "off", "error", "warn", "info", "debug"',
      ),
    );
  });
});

describe("a call's end", () => {
  it.each([
    [200, "info"],
    [299, "info"],
    [199, "error"],
    [302, "error"],
    [400, "error"],
    [999, "error"],
  ])("%s is told at %s", (outcome, level) => {
    const log = logRecorder();
    reporterFor({ logLevel: "info", logger: log.logger }, undefined)?.finished(
      { ...attempt, outcome },
      1,
      5,
    );
    expect(log.lines.map((line) => line.level)).toEqual([level]);
  });
});

describe("HSRCPAY_LOG that is no level", () => {
  it("warns once per logger and value, however many clients are made", () => {
    const log = logRecorder();
    expect(reporterFor({ logger: log.logger }, "verbose")).toBeUndefined();
    reporterFor({ logger: log.logger }, "verbose");
    reporterFor({ logger: log.logger }, "loud");
    expect(log.lines.map((line) => line.line)).toEqual([
      '[hsrcpay] HSRCPAY_LOG is set to "verbose", which is not a log level, so logging stays off; accepted, in any case: "off", "error", "warn", "info", "debug"',
      '[hsrcpay] HSRCPAY_LOG is set to "loud", which is not a log level, so logging stays off; accepted, in any case: "off", "error", "warn", "info", "debug"',
    ]);
  });

  it("shows a value of up to 10 characters; a longer one only by its length", () => {
    const log = logRecorder();
    reporterFor({ logger: log.logger }, "abcdefghij");
    reporterFor({ logger: log.logger }, "sk_test_abcdefghijk");
    expect(log.lines[0]?.line).toContain('"abcdefghij"');
    expect(log.lines[1]?.line).toContain("a 19-character value (not shown)");
    expect(log.text()).not.toContain("sk_test_");
  });

  it("is read in any case, spaces around it dropped; empty or blank is simply off", () => {
    const log = logRecorder();
    expect(reporterFor({ logger: log.logger }, " WARN\n")).toBeDefined();
    expect(reporterFor({ logger: log.logger }, "   ")).toBeUndefined();
    expect(reporterFor({ logger: log.logger }, "")).toBeUndefined();
    expect(log.lines).toEqual([]);
  });

  it("an explicit logLevel wins over it, and no warning is given", () => {
    const log = logRecorder();
    expect(reporterFor({ logger: log.logger, logLevel: "off" }, "verbose")).toBeUndefined();
    expect(log.lines).toEqual([]);
  });
});

// Found by the mutation run (#19): each case fails on a mutant of log.ts that the tests above let
// live.
describe("what a hook returns or throws", () => {
  const hookLines = (onRetry: () => unknown) => {
    const log = logRecorder();
    reporterFor({ logLevel: "warn", logger: log.logger, onRetry }, undefined)?.retry(retry);
    return log.lines.map((line) => line.line).filter((line) => line.includes("onRetry"));
  };

  it.each([
    ["a number", 1],
    ["an object", {}],
    ["a string", "ok"],
    // biome-ignore lint/suspicious/noThenProperty: a hook's answer that only looks like a promise
    ["an object whose then is no function", { then: 5 }],
  ])("returning %s is no failure", (_, returned) => {
    expect(hookLines(() => returned)).toEqual([]);
  });

  it("an error whose message is no string is told as such, not as unprintable", () => {
    const odd = Object.assign(new Error("x"), { message: 42 });
    expect(
      hookLines(() => {
        throw odd;
      }),
    ).toEqual(["[hsrcpay] onRetry threw (the call goes on): (a value that is not a message)"]);
  });

  it("a thrown value that cannot be turned into text is told as such", () => {
    expect(
      hookLines(() => {
        throw Object.create(null);
      }),
    ).toEqual(["[hsrcpay] onRetry threw (the call goes on): (a value that cannot be printed)"]);
  });
});

describe("options that only look right", () => {
  it("an onRetry that is no function says it must be one", () => {
    expect(() => reporterFor({ onRetry: 5 }, undefined)).toThrow(
      new HsrcpayValidationError("onRetry", "must be a function"),
    );
  });

  it("a logLevel that only prints as a level is refused", () => {
    expect(
      validationFieldOf(() => reporterFor({ logLevel: { toString: () => "debug" } }, undefined)),
    ).toBe("logLevel");
  });

  it("a function carrying the four methods is no console-shaped object", () => {
    const noop = () => {};
    const logger = Object.assign(() => {}, { debug: noop, info: noop, warn: noop, error: noop });
    expect(validationFieldOf(() => reporterFor({ logLevel: "warn", logger }, undefined))).toBe(
      "logger",
    );
  });
});

describe("a runtime without a console", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("makes a client with logging off, and refuses logging with no logger to write to", () => {
    vi.stubGlobal("console", {});
    expect(reporterFor({}, undefined)).toBeUndefined();
    expect(validationFieldOf(() => reporterFor({ logLevel: "debug" }, undefined))).toBe("logger");
  });

  it("an HSRCPAY_LOG typo still does not stop the application: there is nowhere to warn", () => {
    vi.stubGlobal("console", {});
    expect(reporterFor({}, "verbose")).toBeUndefined();
  });
});
