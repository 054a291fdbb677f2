// Logging is the caller's, and it cannot hurt them: a logger whose sink is down (its methods return
// rejected promises, or throw) leaves calls as they were and the process without an unhandled
// rejection, and an HSRCPAY_LOG typo never stops an application from starting. Against a real
// server on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHsrcpayClient, type Logger } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, errorEnvelope, params, successEnvelope, token } from "../helpers/fixtures.js";
import { logRecorder } from "../helpers/log-recorder.js";

let server: FaultServer;
beforeAll(async () => {
  // 503 on every odd request, so that a call with one retry is told at every level.
  server = await startFaultServer((res, n) =>
    n % 2 === 0
      ? sendJson(res, 503, errorEnvelope(503, "busy"), { "retry-after": "0" })
      : sendJson(res, 201, successEnvelope(apiKeyData)),
  );
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Collects unhandled rejections while `run` runs and for a few event-loop turns after it. */
async function unhandledDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off("unhandledRejection", listener);
  }
  return seen;
}

describe("a logger whose sink is down", () => {
  it("methods returning rejected promises: the call succeeds, nothing is left unhandled, the logger is not told of its own failure", async () => {
    let calls = 0;
    const down = () => {
      calls++;
      return Promise.reject(new Error("log sink unreachable"));
    };
    const logger = { debug: down, info: down, warn: down, error: down } as unknown as Logger;
    const seen = await unhandledDuring(async () => {
      const hsrcpay = createHsrcpayClient({
        token,
        baseUrl: server.baseUrl,
        logLevel: "debug",
        logger,
        maxRetries: 1,
      });
      const apiKey = await hsrcpay.apiKeys.create(params);
      expect(apiKey.id).toBe(apiKeyData.id);
    });
    expect(seen).toEqual([]);
    // debug for each of the two attempts, warn for the retry, info for the end: four lines, and
    // no fifth one about the logger's failures.
    expect(calls).toBe(4);
  });

  it("methods returning thenables that throw, or whose then is a throwing getter", async () => {
    const badThenable = () => ({
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point of the test
      get then() {
        throw new Error("then getter");
      },
    });
    const throwingThen = () => ({
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point of the test
      then() {
        throw new Error("then threw");
      },
    });
    const logger = {
      debug: badThenable,
      info: throwingThen,
      warn: badThenable,
      error: throwingThen,
    } as unknown as Logger;
    const seen = await unhandledDuring(async () => {
      const hsrcpay = createHsrcpayClient({
        token,
        baseUrl: server.baseUrl,
        logLevel: "debug",
        logger,
        maxRetries: 1,
      });
      await hsrcpay.apiKeys.create(params);
    });
    expect(seen).toEqual([]);
  });

  it("an onRetry that rejects, with a logger that rejects too: the call goes on", async () => {
    const down = () => Promise.reject(new Error("down"));
    const logger = { debug: down, info: down, warn: down, error: down } as unknown as Logger;
    const seen = await unhandledDuring(async () => {
      const hsrcpay = createHsrcpayClient({
        token,
        baseUrl: server.baseUrl,
        logLevel: "warn",
        logger,
        maxRetries: 1,
        onRetry: () => Promise.reject(new Error("metrics down")),
      });
      await hsrcpay.apiKeys.create(params);
    });
    expect(seen).toEqual([]);
  });
});

describe("HSRCPAY_LOG is read forgivingly", () => {
  it.each(["DEBUG", " debug", "Debug\n", "\tdebug "])(
    "HSRCPAY_LOG=%j turns debug logging on",
    async (value) => {
      vi.stubEnv("HSRCPAY_LOG", value);
      const log = logRecorder();
      const hsrcpay = createHsrcpayClient({
        token,
        baseUrl: server.baseUrl,
        logger: log.logger,
        maxRetries: 1,
      });
      await hsrcpay.apiKeys.create(params);
      expect(log.lines.map((line) => line.level)).toEqual(["debug", "warn", "debug", "info"]);
    },
  );

  it.each(["true", "1", "verbose", "on"])(
    "HSRCPAY_LOG=%j: the client is made, one warning says what was set and what is accepted, and logging stays off",
    async (value) => {
      vi.stubEnv("HSRCPAY_LOG", value);
      const log = logRecorder();
      const hsrcpay = createHsrcpayClient({
        token,
        baseUrl: server.baseUrl,
        logger: log.logger,
        maxRetries: 1,
      });
      await hsrcpay.apiKeys.create(params);
      expect(log.lines).toHaveLength(1);
      expect(log.lines[0]?.level).toBe("warn");
      expect(log.lines[0]?.line).toContain(JSON.stringify(value));
      expect(log.lines[0]?.line).toMatch(/"off", "error", "warn", "info", "debug"/);
      expect(log.lines[0]?.line).toMatch(/logging stays off/);
    },
  );

  it("an invalid logLevel in code still throws", () => {
    expect(() =>
      createHsrcpayClient({
        token,
        baseUrl: server.baseUrl,
        logLevel: "DEBUG" as "debug",
      }),
    ).toThrow(/logLevel must be one of/);
  });
});

describe("an onRetry that throws what is not an Error", () => {
  const unprintable = [
    ["Object.create(null)", () => Object.create(null)],
    ["an Error whose message is a number", () => Object.assign(new Error("x"), { message: 42 })],
    [
      "an Error whose message getter throws",
      () =>
        Object.defineProperty(new Error("x"), "message", {
          get() {
            throw new Error("getter");
          },
        }),
    ],
  ] as const;

  for (const [name, make] of unprintable) {
    it(`${name}, thrown or rejected: the call succeeds, nothing is left unhandled`, async () => {
      for (const hook of [
        () => {
          throw make();
        },
        () => Promise.reject(make()),
      ]) {
        const log = logRecorder();
        const seen = await unhandledDuring(async () => {
          const hsrcpay = createHsrcpayClient({
            token,
            baseUrl: server.baseUrl,
            logLevel: "warn",
            logger: log.logger,
            maxRetries: 1,
            onRetry: hook,
          });
          await hsrcpay.apiKeys.create(params);
        });
        expect(seen).toEqual([]);
        expect(log.text()).toMatch(/onRetry threw \(the call goes on\)/);
      }
    });
  }

  it("an onRetry failure's message is told at warn, cut at 200 characters", async () => {
    const log = logRecorder();
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: server.baseUrl,
      logLevel: "warn",
      logger: log.logger,
      maxRetries: 1,
      onRetry: () => {
        throw new Error(`${"m".repeat(200)}TAIL`);
      },
    });
    await hsrcpay.apiKeys.create(params);
    const line = log.lines.find((entry) => entry.line.includes("onRetry threw"))?.line ?? "";
    expect(line).toContain("m".repeat(200));
    expect(line).not.toContain("TAIL");
  });

  it("a logger whose method getter throws is refused as not console-shaped, with the typed error", () => {
    const logger = {
      get debug(): () => void {
        throw new Error("getter");
      },
      info() {},
      warn() {},
      error() {},
    };
    expect(() =>
      createHsrcpayClient({ token, baseUrl: server.baseUrl, logLevel: "debug", logger }),
    ).toThrow(/logger must be console-shaped/);
  });
});
