// The client's logging against a real server on 127.0.0.1 that echoes the credential and hands out
// keys everywhere it can: every attempt, retry and outcome is told at its level, and no line ever
// holds the token or a key, whatever the failure.
import type { ServerResponse } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHsrcpayClient, type HsrcpayClient, type RetryEvent } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, errorEnvelope, params, successEnvelope, token } from "../helpers/fixtures.js";
import { logRecorder } from "../helpers/log-recorder.js";

/** What the server does with one request, given the token it saw and a key it hands out. */
type Scenario = (res: ServerResponse, secrets: { token: string; key: string }) => void;

const scenarios: Record<string, Scenario> = {
  "401 echoing the Authorization header": (res, { token }) =>
    sendJson(res, 401, errorEnvelope(401, `bad credential Bearer ${token}`), {
      "x-request-id": `req_${token}`,
      "www-authenticate": `Bearer realm="${token}"`,
    }),
  "503 on every attempt, the key in the body and the request id": (res, { key }) =>
    sendJson(res, 503, errorEnvelope(503, `try later ${key}`), { "x-request-id": `req_${key}` }),
  "a success that returns the new key": (res, { key }) =>
    sendJson(res, 201, successEnvelope({ ...apiKeyData, key }), { "x-request-id": key }),
  "409 quoting the key it conflicts with": (res, { key }) =>
    sendJson(res, 409, errorEnvelope(409, "duplicate", { existing: key })),
  "a redirect to a URL holding the token": (res, { token }) => {
    res.writeHead(302, { location: `http://127.0.0.1:9/steal?token=${token}` });
    res.end();
  },
  "a 200 that is not JSON, echoing both": (res, { token, key }) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<html>${token} ${key}</html>`);
  },
  "a reason phrase with the token": (res, { token }) => {
    res.writeHead(500, `Broken ${token}`, { "content-type": "application/json" });
    res.end(JSON.stringify(errorEnvelope(500, token)));
  },
  "a connection reset mid-body, after headers with the key": (res, { key }) => {
    res.writeHead(200, { "content-type": "application/json", "x-request-id": key });
    res.write(`{"message":"success","success":true,"data":{"key":"${key}"`);
    setTimeout(() => res.socket?.destroy(), 5);
  },
  "no answer until the attempt times out": () => {},
};

let server: FaultServer;
let scenario: Scenario = scenarios["a success that returns the new key"] as Scenario;
let secrets = { token, key: apiKeyData.key };

/** The scenario the server plays from now on, with the fixtures' token and key. */
function use(name: keyof typeof scenarios): void {
  scenario = scenarios[name] as Scenario;
  secrets = { token, key: apiKeyData.key };
}

beforeAll(async () => {
  server = await startFaultServer((res) => scenario(res, secrets));
});
afterAll(async () => {
  await server.close();
});

function clientLogging(secret: string, extra: Parameters<typeof createHsrcpayClient>[0] = {}) {
  const log = logRecorder();
  const hsrcpay: HsrcpayClient = createHsrcpayClient({
    token: secret,
    baseUrl: server.baseUrl,
    maxRetries: 1,
    timeout: 50,
    logLevel: "debug",
    logger: log.logger,
    ...extra,
  });
  return { hsrcpay, log };
}

// Token and key alphabets as HSRCPAY issues them (letters, digits, `_`, and a JWT's `.` and `-`).
const tokens = fc.oneof(
  fc.stringMatching(/^sk_(test|live)_[A-Za-z0-9]{16,40}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,20}\.[A-Za-z0-9_-]{8,40}\.[A-Za-z0-9_-]{8,40}$/),
);
const keys = fc.stringMatching(/^sk_(test|live)_[A-Za-z0-9]{16,40}$/);

describe("logging at debug against a hostile server", () => {
  it("never writes the token or a key, whatever the failure", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(scenarios)),
        tokens,
        keys,
        async (name, secret, key) => {
          scenario = scenarios[name] as Scenario;
          secrets = { token: secret, key };
          const { hsrcpay, log } = clientLogging(secret);
          await hsrcpay.apiKeys.create(params).catch(() => undefined);
          const text = log.text();
          // Each scenario reaches the log (at least its attempt line) before the secrets are looked for.
          expect(text).toContain("POST /v1/api-keys/ attempt 1/");
          expect(text).not.toContain(secret);
          expect(text).not.toContain(key);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("what each level tells", () => {
  it("debug: one line per attempt, with status, attempt n of N, request id and the same Idempotency-Key", async () => {
    use("503 on every attempt, the key in the body and the request id");
    const { hsrcpay, log } = clientLogging(token);
    await hsrcpay.apiKeys.create(params).catch(() => undefined);
    const attempts = log.lines.filter((line) => line.level === "debug").map((line) => line.line);
    expect(attempts).toHaveLength(2);
    const keyOf = (line: string) => /idempotency key ([0-9a-f-]{36})/.exec(line)?.[1];
    expect(attempts[0]).toMatch(
      /^\[hsrcpay\] POST \/v1\/api-keys\/ attempt 1\/2: 503 in \d+ ms \(request id req_\[redacted\], idempotency key [0-9a-f-]{36}\)$/,
    );
    expect(attempts[1]).toMatch(
      /attempt 2\/2: 503 in \d+ ms .*: \{"message":"try later \[redacted\]"/,
    );
    expect(keyOf(attempts[1] ?? "")).toBe(keyOf(attempts[0] ?? ""));
    expect(log.lines.map((line) => line.level)).toEqual(["debug", "warn", "debug", "error"]);
  });

  it("warn: each retry with its reason and delay; onRetry gets the same event", async () => {
    use("no answer until the attempt times out");
    const events: RetryEvent[] = [];
    const { hsrcpay, log } = clientLogging(token, {
      logLevel: "warn",
      timeout: 50,
      onRetry: (event) => void events.push(event),
    });
    await hsrcpay.apiKeys.create(params).catch(() => undefined);
    expect(log.lines.map((line) => line.level)).toEqual(["warn", "error"]);
    expect(log.lines[0]?.line).toMatch(
      /^\[hsrcpay\] POST \/v1\/api-keys\/ attempt 1\/2 got no answer in time; retrying in \d+ ms with the same idempotency key/,
    );
    expect(log.lines[1]?.line).toMatch(/failed: no answer in time after 2 attempts in \d+ ms/);
    expect(events).toEqual([
      expect.objectContaining({
        operation: "POST /v1/api-keys/",
        attempt: 1,
        maxAttempts: 2,
        reason: "timeout",
        status: undefined,
      }),
    ]);
    expect(events[0]?.delayMs).toBeGreaterThan(0);
  });

  it("info: one line per call with its status and attempts", async () => {
    use("a success that returns the new key");
    const { hsrcpay, log } = clientLogging(token, { logLevel: "info" });
    await hsrcpay.apiKeys.create(params);
    expect(log.lines).toEqual([
      {
        level: "info",
        line: expect.stringMatching(
          /^\[hsrcpay\] POST \/v1\/api-keys\/ 201 after 1 attempt in \d+ ms \(request id \[redacted\], idempotency key [0-9a-f-]{36}\)$/,
        ),
      },
    ]);
  });

  it("a connection reset is told as such, with the cause, redacted", async () => {
    use("a connection reset mid-body, after headers with the key");
    // A timeout well past the reset (5 ms in), so that a loaded machine cannot turn it into one.
    const { hsrcpay, log } = clientLogging(token, { maxRetries: 0, timeout: 5_000 });
    await hsrcpay.apiKeys.create(params).catch(() => undefined);
    expect(log.lines.map((line) => line.level)).toEqual(["debug", "error"]);
    expect(log.lines[0]?.line).toMatch(
      /attempt 1\/1: a connection failure in \d+ ms \(idempotency key [0-9a-f-]{36}\): terminated: other side closed$/,
    );
    expect(log.lines[1]?.line).toMatch(/failed: a connection failure after 1 attempt/);
  });
});

describe("with logging off (the default)", () => {
  it("writes nothing to the console, even for a call that fails after retries", async () => {
    use("503 on every attempt, the key in the body and the request id");
    vi.stubEnv("HSRCPAY_LOG", "");
    const spies = (["debug", "info", "warn", "error", "log"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    try {
      const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries: 1 });
      await hsrcpay.apiKeys.create(params).catch(() => undefined);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it("HSRCPAY_LOG=debug turns it on for a client that was not told to log, on console", async () => {
    use("a success that returns the new key");
    vi.stubEnv("HSRCPAY_LOG", "debug");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
      await hsrcpay.apiKeys.create(params);
      expect(debug).toHaveBeenCalledTimes(1);
      expect(info).toHaveBeenCalledTimes(1);
      expect(String(debug.mock.calls[0]?.[0])).toMatch(/attempt 1\/3: 201/);
    } finally {
      debug.mockRestore();
      info.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
