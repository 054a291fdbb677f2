// send(): the one place that calls fetch. Driven directly, with an injected fetch for what can be
// staged in memory and a real server on 127.0.0.1 for resets and hangs.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  HsrcpayAbortError,
  HsrcpayConnectionError,
  HsrcpayTimeoutError,
} from "../../src/errors/hsrcpay-error.js";
import { HsrcpayInvalidResponseError } from "../../src/errors/invalid-response-error.js";
import { HsrcpayRedirectError } from "../../src/errors/redirect-error.js";
import { type RetryEvent, reporterFor } from "../../src/internal/log.js";
import { type OutgoingRequest, send, type TransportConfig } from "../../src/internal/transport.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { errorEnvelope, successEnvelope, token } from "../helpers/fixtures.js";
import { logRecorder } from "../helpers/log-recorder.js";
import {
  created,
  failure,
  type Handler,
  hang,
  json,
  observedFetch,
} from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

const request: OutgoingRequest = {
  method: "POST",
  url: "https://api.test/v1/api-keys/?account_id=acct_1",
  headers: { "content-type": "application/json", "idempotency-key": "idem-1" },
  body: '{"name":"n"}',
};

function configWith(handler: Handler, overrides: Partial<TransportConfig> = {}) {
  const fetch = observedFetch(handler);
  const config: TransportConfig = {
    fetch,
    token: () => token,
    maxRetries: 2,
    timeoutMs: 1_000,
    maxResponseBytes: 4_096,
    ...overrides,
  };
  return { config, calls: fetch.calls };
}

/** Timers and handles Node still holds: what would keep a script alive after the call. */
const activeTimers = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("send: what goes out", () => {
  it("sends the request with the bearer token, never following redirects", async () => {
    const { config, calls } = configWith(() => created());
    const received = await send(config, request, {});
    expect(received.status).toBe(201);
    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent?.method).toBe("POST");
    expect(sent?.url.href).toBe(request.url);
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(sent?.headers.get("idempotency-key")).toBe("idem-1");
    expect(sent?.body).toBe(request.body);
    expect(sent?.redirect).toBe("manual");
  });

  it("re-sends the same body and headers on every retry", async () => {
    const { config, calls } = configWith((_, i) => (i < 2 ? failure(503) : created()));
    const received = await send(config, request, {});
    expect(received.status).toBe(201);
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.body).toBe(request.body);
      expect(call.headers.get("idempotency-key")).toBe("idem-1");
      expect(call.headers.get("authorization")).toBe(`Bearer ${token}`);
    }
  });

  it("waits for an async token once per call, and sends it", async () => {
    let calledTimes = 0;
    const { config, calls } = configWith(() => created(), {
      token: async () => {
        calledTimes++;
        return "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
      },
    });
    await send(config, request, {});
    expect(calledTimes).toBe(1);
    expect(calls[0]?.headers.get("authorization")).toBe(
      "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
    );
  });
});

describe("send: what comes back", () => {
  it("returns the status, the headers as they came, the whole body under the cap and the call's secrets", async () => {
    const { config } = configWith(() => created(201, { "x-request-id": "req_1" }));
    const received = await send(config, request, { secrets: ["4111111111111111", "987"] });
    // No reason phrase, request id or mask of its own: answer.ts reads those from what is here.
    expect(Object.keys(received).sort()).toEqual([
      "bytes",
      "headers",
      "limit",
      "secrets",
      "status",
      "text",
      "truncated",
      "uncertain",
    ]);
    expect(received.status).toBe(201);
    expect(received.headers.get("x-request-id")).toBe("req_1");
    expect(received.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(received.text)).toEqual(successEnvelope());
    expect(received.truncated).toBe(false);
    expect(received.bytes).toBe(Buffer.byteLength(received.text));
    expect(received.limit).toBe(4_096);
    expect(received.secrets).toEqual([token, "4111111111111111", "987"]);
  });

  it("its secrets hold the token as sent and percent-encoded, when encoding changes it", async () => {
    const odd = "tok/en+with=chars";
    const { config } = configWith(() => created(), { token: () => odd });
    const received = await send(config, request, {});
    expect(received.secrets).toEqual([odd, encodeURIComponent(odd)]);
  });

  it("cuts a success body at maxResponseBytes and a failure body at 64 KiB at most", async () => {
    const big = "x".repeat(100_000);
    const { config } = configWith((_, i) =>
      i === 0
        ? new Response(big, { status: 201 })
        : new Response(big, { status: 400, headers: { "content-type": "text/plain" } }),
    );
    const ok = await send({ ...config, maxResponseBytes: 10_000 }, request, {});
    expect(ok).toMatchObject({ truncated: true, bytes: 10_000, limit: 10_000 });
    expect(ok.text).toHaveLength(10_000);
    const failed = await send({ ...config, maxResponseBytes: 1_000_000 }, request, {});
    expect(failed).toMatchObject({ status: 400, truncated: true, bytes: 65_536, limit: 65_536 });
  });
});

describe("send: retries", () => {
  it.each([408, 429, 500, 502, 503, 504])(
    "retries %i up to maxRetries, then returns the last answer",
    async (status) => {
      const { config, calls } = configWith(() => failure(status), { maxRetries: 1 });
      const received = await send(config, request, {});
      expect(received.status).toBe(status);
      expect(JSON.parse(received.text)).toEqual(errorEnvelope(status));
      expect(calls).toHaveLength(2);
    },
  );

  it.each([400, 401, 403, 404, 409, 422, 418])("never retries %i", async (status) => {
    const { config, calls } = configWith(() => failure(status));
    expect((await send(config, request, {})).status).toBe(status);
    expect(calls).toHaveLength(1);
  });

  it("cancels the body of a response it is about to retry, unread", async () => {
    let cancelled = 0;
    const { config } = configWith((_, i) => {
      if (i > 0) return created();
      const body = new ReadableStream({
        pull: (c) => c.enqueue(new Uint8Array(1024)),
        cancel: () => {
          cancelled++;
        },
      });
      return new Response(body, { status: 503 });
    });
    expect((await send(config, request, {})).status).toBe(201);
    expect(cancelled).toBe(1);
  });

  it("a per-call maxRetries overrides the client's", async () => {
    const { config, calls } = configWith(() => failure(503), { maxRetries: 2 });
    await send(config, request, { maxRetries: 0 });
    expect(calls).toHaveLength(1);
  });

  it("retries a connection failure and keeps the original error's chain as a redacted copy", async () => {
    const cause = new TypeError("fetch failed", {
      cause: new Error("connect ECONNREFUSED 127.0.0.1:1"),
    });
    const { config, calls } = configWith(() => Promise.reject(cause), { maxRetries: 1 });
    const error = await rejectionOf(send(config, request, {}));
    expect(error).toBeInstanceOf(HsrcpayConnectionError);
    expect((error as Error).cause).toMatchObject({
      name: "TypeError",
      message: "fetch failed",
      cause: { message: "connect ECONNREFUSED 127.0.0.1:1" },
    });
    expect((error as Error).message).toBe(
      "Could not reach HSRCPAY: fetch failed: connect ECONNREFUSED 127.0.0.1:1",
    );
    expect(calls).toHaveLength(2);
  });

  it("redacts the token from a connection error's message", async () => {
    const { config } = configWith(() => Promise.reject(new Error(`refused Bearer ${token}`)), {
      maxRetries: 0,
    });
    const error = (await rejectionOf(send(config, request, {}))) as Error;
    expect(error.message).toBe("Could not reach HSRCPAY: refused Bearer [redacted]");
  });

  it("does not wait for a Retry-After beyond the cap: it returns that answer", async () => {
    const { config, calls } = configWith(() => failure(429, "later", { "retry-after": "3600" }));
    expect((await send(config, request, {})).status).toBe(429);
    expect(calls).toHaveLength(1);
  });
});

describe("send: timeouts and abort", () => {
  it("times out each attempt and retries, then throws HsrcpayTimeoutError", async () => {
    const { config, calls } = configWith(hang, { timeoutMs: 30, maxRetries: 1 });
    const error = await rejectionOf(send(config, request, {}));
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
    expect((error as HsrcpayTimeoutError).timeoutMs).toBe(30);
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.signal?.aborted)).toBe(true);
  });

  it("a per-call timeout overrides the client's", async () => {
    const { config } = configWith(hang, { timeoutMs: 60_000, maxRetries: 0 });
    const error = await rejectionOf(send(config, request, { timeoutMs: 20 }));
    expect((error as HsrcpayTimeoutError).timeoutMs).toBe(20);
  });

  it("counts reading the body against the timeout", async () => {
    const neverEnds = () =>
      new Response(
        new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"message":')) }),
        { status: 201 },
      );
    const { config } = configWith(neverEnds, { timeoutMs: 50, maxRetries: 0 });
    expect(await rejectionOf(send(config, request, {}))).toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("does not hang on a fetch that ignores its signal", async () => {
    const { config } = configWith(() => new Promise<Response>(() => {}), {
      timeoutMs: 30,
      maxRetries: 0,
    });
    expect(await rejectionOf(send(config, request, {}))).toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { config, calls } = configWith(() => created());
    const error = await rejectionOf(send(config, request, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect(calls).toHaveLength(0);
  });

  it("aborts an attempt in flight at once, without retrying, keeping the reason", async () => {
    const { config, calls } = configWith(hang);
    const controller = new AbortController();
    const pending = rejectionOf(send(config, request, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("navigated away")), 10);
    const error = (await pending) as HsrcpayAbortError;
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it("aborts during the backoff wait", async () => {
    const { config, calls } = configWith(() => failure(503, "busy", { "retry-after": "30" }));
    const controller = new AbortController();
    const pending = rejectionOf(send(config, request, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(HsrcpayAbortError);
    expect(calls).toHaveLength(1);
  });

  it("leaves no timer behind and detaches from the caller's signal when the call is over", async () => {
    const { config, calls } = configWith((_, i) => (i === 0 ? failure(503) : created()));
    const controller = new AbortController();
    const before = activeTimers();
    await send(config, request, { signal: controller.signal, timeoutMs: 60_000 });
    // A timer left running would keep a script alive for a minute after its last call.
    expect(activeTimers()).toBeLessThanOrEqual(before);
    // Aborting later must not reach the finished attempts (their fetch signals stay as they were).
    controller.abort();
    expect(calls.map((call) => call.signal?.aborted)).toEqual([false, false]);
  });
});

describe("send against a real server on 127.0.0.1", () => {
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const url = (base: string) => `${base}/api-keys/?account_id=acct_1`;

  it("a connection reset mid-body is retried, with the same Idempotency-Key", async () => {
    server = await startFaultServer((res, i) => {
      if (i > 0) return sendJson(res, 201, successEnvelope());
      res.writeHead(201, { "content-type": "application/json", "content-length": "400" });
      res.write('{"message":"success","success":true,"data":{"id":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const config: TransportConfig = {
      fetch: globalThis.fetch,
      token: () => token,
      maxRetries: 2,
      timeoutMs: 5_000,
      maxResponseBytes: 4_096,
    };
    const received = await send(config, { ...request, url: url(server.baseUrl) }, {});
    expect(received.status).toBe(201);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers["idempotency-key"]).toBe("idem-1");
  });

  // honoursSignal: the runtime's own fetch, trusted to end its promise and its body when the
  // signal aborts, so nothing races it; false is how an injected fetch is treated.
  describe.each([true, false])("with honoursSignal %s", (honoursSignal) => {
    const configFor = (overrides: Partial<TransportConfig>): TransportConfig => ({
      fetch: globalThis.fetch,
      token: () => token,
      maxRetries: 0,
      timeoutMs: 300,
      maxResponseBytes: 4_096,
      honoursSignal: () => honoursSignal,
      ...overrides,
    });

    it("a server that never answers: the attempt times out and the retry succeeds", async () => {
      server = await startFaultServer((res, i) =>
        i === 0 ? undefined : sendJson(res, 201, successEnvelope()),
      );
      const config = configFor({ maxRetries: 1 });
      const received = await send(config, { ...request, url: url(server.baseUrl) }, {});
      expect(received.status).toBe(201);
      expect(server.requests).toHaveLength(2);
    });

    it.each([
      ["a declared length", { "content-length": "4000" }],
      ["chunked", {}],
    ])(
      "a body that stops coming (%s) times out, and its connection is closed",
      async (_, framing) => {
        let closed = false;
        server = await startFaultServer((res, _i, req) => {
          req.socket.once("close", () => {
            closed = true;
          });
          res.writeHead(201, { "content-type": "application/json", ...framing });
          res.write('{"message":"success","success":true,"data":{"id":');
        });
        const config = configFor({ timeoutMs: 200 });
        const error = await rejectionOf(send(config, { ...request, url: url(server.baseUrl) }, {}));
        expect(error).toBeInstanceOf(HsrcpayTimeoutError);
        // The abort reached the socket: it is not held until undici's own 300 s body timeout.
        await vi.waitFor(() => expect(closed).toBe(true), { timeout: 2_000, interval: 10 });
      },
    );

    it("the caller's abort stops a body mid-read", async () => {
      server = await startFaultServer((res) => {
        res.writeHead(201, { "content-type": "application/json" });
        res.write('{"message":');
      });
      const controller = new AbortController();
      const config = configFor({ timeoutMs: 60_000 });
      const pending = rejectionOf(
        send(config, { ...request, url: url(server.baseUrl) }, { signal: controller.signal }),
      );
      setTimeout(() => controller.abort(new Error("user left")), 100);
      expect(await pending).toBeInstanceOf(HsrcpayAbortError);
    });
  });
});

/** A Response whose read-only fields say what a custom fetch (or a browser) might report. */
function shaped(
  fields: Partial<Pick<Response, "status" | "type" | "redirected" | "url">>,
  init: ResponseInit = {},
) {
  const response = new Response('{"x":1}', { status: 200, ...init });
  for (const [key, value] of Object.entries(fields)) {
    Object.defineProperty(response, key, { value });
  }
  return response;
}

describe("send: status range and redirects", () => {
  it.each([
    [200, "answer"],
    [299, "answer"],
    [300, "redirect"],
    [399, "redirect"],
    [400, "answer"],
    [599, "answer"],
    [199, "invalid"],
    [600, "invalid"],
    [250.5, "invalid"],
  ] as const)("status %s is read as %s", async (status, kind) => {
    const { config, calls } = configWith(() => shaped({ status }), { maxRetries: 0 });
    const outcome = await send(config, request, {}).catch((error: unknown) => error);
    expect(calls).toHaveLength(1);
    if (kind === "answer") {
      expect(outcome).toMatchObject({ status, text: '{"x":1}' });
    } else if (kind === "redirect") {
      expect(outcome).toBeInstanceOf(HsrcpayRedirectError);
      expect((outcome as HsrcpayRedirectError).message).toBe(
        `HSRCPAY answered with a ${status} redirect; the client never follows redirects (POST /v1/api-keys/)`,
      );
      expect((outcome as HsrcpayRedirectError).location).toBeUndefined();
    } else {
      expect(outcome).toBeInstanceOf(HsrcpayInvalidResponseError);
      const error = outcome as HsrcpayInvalidResponseError;
      expect(error.message).toBe(
        `HSRCPAY answered with status ${status}, outside HTTP's 200-599 for a final answer (POST /v1/api-keys/)`,
      );
      expect(error.status).toBe(status);
      expect(error.bodyBytes).toBe(0);
      expect(error.message).not.toContain('{"x":1}');
      expect(error.idempotencyKey).toBe("idem-1");
    }
  });

  it("names the location of a redirect, and cancels its body unread", async () => {
    let cancelled = 0;
    const { config } = configWith(
      () =>
        new Response(
          new ReadableStream({
            pull: (c) => c.enqueue(new Uint8Array(8)),
            cancel: () => {
              cancelled++;
            },
          }),
          {
            status: 302,
            headers: {
              location: `https://elsewhere.test/v1/x?token=${token}`,
              "set-cookie": "a=b",
            },
          },
        ),
    );
    const error = (await rejectionOf(send(config, request, {}))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.message).toBe(
      "HSRCPAY answered with a 302 redirect to https://elsewhere.test; the client never follows redirects (POST /v1/api-keys/)",
    );
    // The origin only: the path and query are the server's to fill, with anything it echoes.
    expect(error.location).toBe("https://elsewhere.test");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(token);
    expect([...error.headers.keys()]).toEqual([]);
    expect(cancelled).toBe(1);
  });

  it.each([
    ["a relative Location", "/v1/elsewhere", undefined],
    ["no Location", null, undefined],
    ["a Location that is not a URL", "http://[::1", undefined],
    [
      "a host that echoes the token",
      `https://${token}.example/x`,
      `https://${"[redacted]"}.example`,
    ],
  ])("a redirect with %s: location is %s", async (_, location, expected) => {
    const { config } = configWith(
      () => new Response(null, { status: 307, headers: location ? { location } : {} }),
    );
    const error = (await rejectionOf(send(config, request, {}))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.location).toBe(expected);
    expect(error.message).not.toContain(token);
  });

  it("refuses an answer that a custom fetch got by following a redirect", async () => {
    const { config } = configWith(() =>
      shaped({ redirected: true, url: "https://elsewhere.test/v1/api-keys/" }, { status: 201 }),
    );
    const error = (await rejectionOf(send(config, request, {}))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.message).toBe(
      "HSRCPAY answered with a redirect that the fetch implementation followed to https://elsewhere.test; the client never follows redirects (POST /v1/api-keys/)",
    );
    expect(error.status).toBe(201);
  });

  it("refuses a browser's opaque redirect, saying its status is hidden", async () => {
    const { config } = configWith(() => shaped({ type: "opaqueredirect", status: 0 }));
    const error = (await rejectionOf(send(config, request, {}))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.message).toBe(
      "HSRCPAY answered with an opaque redirect (the browser hides its status and Location); the client never follows redirects (POST /v1/api-keys/)",
    );
  });
});

describe("send: how much of a body is read", () => {
  it.each([
    ["no content-encoding", { "content-length": "200000" }, 50_000, 4_096],
    [
      "content-encoding identity",
      { "content-length": "200000", "content-encoding": "identity" },
      50_000,
      4_096,
    ],
    [
      "content-encoding gzip",
      { "content-length": "200000", "content-encoding": "gzip" },
      50_000,
      30_000,
    ],
    ["no content-length", {}, 50_000, 30_000],
  ] as const)("a body declared past the cap with %s keeps %#", async (_, headers, size, kept) => {
    const { config } = configWith(() => new Response("x".repeat(size), { status: 201, headers }), {
      maxResponseBytes: 30_000,
    });
    const received = await send(config, request, {});
    expect(received).toMatchObject({ bytes: kept, truncated: true, limit: 30_000 });
    expect(received.text).toHaveLength(kept);
  });

  it("reads a body whose content-length equals the cap whole", async () => {
    const { config } = configWith(
      () =>
        new Response("x".repeat(30_000), { status: 201, headers: { "content-length": "30000" } }),
      { maxResponseBytes: 30_000 },
    );
    const received = await send(config, request, {});
    expect(received).toMatchObject({ bytes: 30_000, truncated: false });
  });
});

describe("send: whether an earlier attempt may have been carried out", () => {
  const timeoutThenCreated: Handler = (call, i) => (i === 0 ? hang(call, i) : created());
  it.each([
    ["a 503", ((_, i) => (i === 0 ? failure(503) : created())) as Handler, true],
    ["a 500", ((_, i) => (i === 0 ? failure(500) : created())) as Handler, true],
    ["a 429", ((_, i) => (i === 0 ? failure(429) : created())) as Handler, false],
    ["a 408", ((_, i) => (i === 0 ? failure(408) : created())) as Handler, false],
    [
      "a connection failure",
      ((_, i) => (i === 0 ? Promise.reject(new TypeError("fetch failed")) : created())) as Handler,
      true,
    ],
    ["a timeout", timeoutThenCreated, true],
    ["nothing", (() => created()) as Handler, false],
  ])("after %s the answer is uncertain: %s", async (_, handler, uncertain) => {
    const { config } = configWith(handler, { timeoutMs: 100 });
    const received = await send(config, request, {});
    expect(received.status).toBe(201);
    expect(received.uncertain).toBe(uncertain);
  });
});

describe("send: abort and cleanup", () => {
  it("does not call the token function when the signal is already aborted", async () => {
    let tokenCalls = 0;
    const { config } = configWith(() => created(), {
      token: () => {
        tokenCalls++;
        return token;
      },
    });
    const reason = new Error("gone");
    const error = await rejectionOf(send(config, request, { signal: AbortSignal.abort(reason) }));
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(tokenCalls).toBe(0);
  });

  it("sends nothing when the token function itself aborts the signal", async () => {
    const controller = new AbortController();
    const reason = new Error("logged out");
    const { config, calls } = configWith(() => created(), {
      token: () => {
        controller.abort(reason);
        return token;
      },
    });
    const error = await rejectionOf(send(config, request, { signal: controller.signal }));
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(calls).toHaveLength(0);
  });

  it("aborts while the token function runs, keeping the reason", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const { config, calls } = configWith(() => created(), {
      token: () => new Promise<string>(() => {}),
    });
    const pending = rejectionOf(send(config, request, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 10);
    const error = await pending;
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(calls).toHaveLength(0);
  });

  it("leaves no timer behind after waiting for an async token", async () => {
    const { config } = configWith(() => created(), { token: async () => token, timeoutMs: 60_000 });
    const before = activeTimers();
    await send(config, request, {});
    expect(activeTimers()).toBeLessThanOrEqual(before);
  });

  it("an abort in flight with no retries left is an abort, with the caller's reason", async () => {
    const { config, calls } = configWith(hang, { maxRetries: 0 });
    const controller = new AbortController();
    const reason = new Error("navigated away");
    const pending = rejectionOf(send(config, request, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 10);
    const error = await pending;
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it("an abort while the body is read is an abort, not a connection failure", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const { config } = configWith(
      () => {
        setTimeout(() => controller.abort(reason), 10);
        return new Response(new ReadableStream({ start: (c) => c.enqueue(new Uint8Array(4)) }), {
          status: 201,
        });
      },
      { maxRetries: 0 },
    );
    const error = await rejectionOf(send(config, request, { signal: controller.signal }));
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
  });

  it("an abort during the backoff wait keeps the reason and leaves no timer", async () => {
    const { config } = configWith(() => failure(503, "busy", { "retry-after": "30" }));
    const controller = new AbortController();
    const reason = new Error("enough");
    const before = activeTimers();
    const pending = rejectionOf(send(config, request, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 30);
    const error = await pending;
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(activeTimers()).toBeLessThanOrEqual(before);
  });

  it("does not start a backoff wait once the signal has aborted", async () => {
    const controller = new AbortController();
    const reason = new Error("closed");
    const { config, calls } = configWith(
      () =>
        // Cancelling the retried response's body is the last thing before the wait.
        new Response(new ReadableStream({ cancel: () => controller.abort(reason) }), {
          status: 503,
          headers: { "retry-after": "2" },
        }),
    );
    const started = Date.now();
    const error = await rejectionOf(send(config, request, { signal: controller.signal }));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it("describes a connection failure that is not an Error", async () => {
    const { config } = configWith(() => Promise.reject("socket hang up"), { maxRetries: 0 });
    const error = await rejectionOf(send(config, request, {}));
    expect(error).toBeInstanceOf(HsrcpayConnectionError);
    expect((error as Error).message).toBe("Could not reach HSRCPAY: socket hang up");
  });
});

describe("send: what it reports", () => {
  function reported(handler: Handler, overrides: Partial<TransportConfig> = {}) {
    const log = logRecorder();
    const events: RetryEvent[] = [];
    const reporter = reporterFor(
      {
        logLevel: "debug",
        logger: log.logger,
        onRetry: (event: RetryEvent) => void events.push(event),
      },
      undefined,
    );
    const { config } = configWith(handler, { reporter, ...overrides });
    return { config, log, events };
  }

  it("a retried status: its attempt line, then the retry event with the status and the request id", async () => {
    const { config, log, events } = reported((_, i) =>
      i === 0 ? failure(503, "busy", { "x-request-id": `req_${token}` }) : created(),
    );
    await send(config, request, { maxRetries: 1 });
    expect(events).toEqual([
      {
        operation: "POST /v1/api-keys/",
        attempt: 1,
        maxAttempts: 2,
        reason: "status",
        status: 503,
        delayMs: expect.any(Number),
        durationMs: expect.any(Number),
        requestId: "req_[redacted]",
        idempotencyKey: "idem-1",
      },
    ]);
    const [event] = events;
    expect(event?.durationMs).toBeGreaterThanOrEqual(0);
    expect(event?.durationMs).toBeLessThan(1_000);
    expect(log.lines.map((line) => line.line)).toEqual([
      expect.stringMatching(
        /^\[hsrcpay\] POST \/v1\/api-keys\/ attempt 1\/2: 503 in \d+ ms \(request id req_\[redacted\], idempotency key idem-1\)$/,
      ),
      expect.stringMatching(/attempt 1\/2 got 503; retrying in \d+ ms/),
      // A 2xx answer's body is never in a line.
      expect.stringMatching(/attempt 2\/2: 201 in \d+ ms \(idempotency key idem-1\)$/),
      expect.stringMatching(/^\[hsrcpay\] POST \/v1\/api-keys\/ 201 after 2 attempts in \d+ ms/),
    ]);
  });

  it("a timeout and a connection failure: retry events without a status, reasons told apart", async () => {
    const { config, events, log } = reported(
      (sent, i) =>
        i === 0
          ? hang(sent, i)
          : i === 1
            ? Promise.reject(new TypeError(`fetch failed for ${token}`))
            : failure(400, "bad"),
      { timeoutMs: 30 },
    );
    await send(config, request, { maxRetries: 2 });
    expect(events.map(({ reason, status, attempt }) => ({ reason, status, attempt }))).toEqual([
      { reason: "timeout", status: undefined, attempt: 1 },
      { reason: "connection", status: undefined, attempt: 2 },
    ]);
    const lines = log.lines.map((line) => line.line);
    expect(lines[0]).toMatch(
      /attempt 1\/3: no answer in time in \d+ ms \(idempotency key idem-1\)$/,
    );
    expect(lines[2]).toMatch(
      /attempt 2\/3: a connection failure in \d+ ms \(idempotency key idem-1\): fetch failed for \[redacted\]$/,
    );
    // A failure answer's body shows as its masked start.
    expect(lines[4]).toMatch(
      /attempt 3\/3: 400 in \d+ ms \(idempotency key idem-1\): \{"message":"bad"/,
    );
    expect(lines[5]).toMatch(/failed: 400 after 3 attempts/);
  });

  it("the request id in a line is x-request-id when both headers come, else request-id, masked", async () => {
    const idOf = async (headers: Record<string, string>) => {
      const { config, log } = reported(() => created(201, headers));
      await send(config, request, {});
      return /request id ([^,)]+)/.exec(log.lines[0]?.line ?? "")?.[1];
    };
    expect(await idOf({ "x-request-id": "req_x", "request-id": "req_plain" })).toBe("req_x");
    expect(await idOf({ "request-id": `req_${token}` })).toBe("req_[redacted]");
    expect(await idOf({ "x-other-id": "req_x" })).toBeUndefined();
  });

  it("a failure answer's line shows its body's masked start, never a secret the request sent", async () => {
    const { config, log } = reported(() =>
      json(402, {
        success: false,
        message: "declined",
        error: {
          code: 402,
          message: "card 4111111111111111 cvv 987",
          details: { pan: "4111111111111111" },
        },
      }),
    );
    await send(config, request, { maxRetries: 0, secrets: ["4111111111111111", "987"] });
    const text = log.text();
    expect(text).toContain('"message":"card [redacted] cvv [redacted]"');
    expect(text).not.toContain("4111111111111111");
    expect(text).not.toMatch(/\b987\b/);
  });

  it("a cause longer than 200 characters is cut in the line", async () => {
    const { config, log } = reported(() => Promise.reject(new TypeError("x".repeat(500))));
    await rejectionOf(send(config, request, { maxRetries: 0 }));
    const detail = log.lines[0]?.line.split("): ")[1] ?? "";
    expect(detail).toBe("x".repeat(200));
  });

  it("a redirect: its attempt and a failed call, and the call throws as before", async () => {
    const { config, log } = reported(
      () => new Response(null, { status: 302, headers: { location: "https://elsewhere.test/" } }),
    );
    expect(await rejectionOf(send(config, request, {}))).toBeInstanceOf(HsrcpayRedirectError);
    expect(log.lines.map((line) => [line.level, line.line.replace(/\d+ ms/g, "N ms")])).toEqual([
      ["debug", "[hsrcpay] POST /v1/api-keys/ attempt 1/3: 302 in N ms (idempotency key idem-1)"],
      [
        "error",
        "[hsrcpay] POST /v1/api-keys/ failed: 302 after 1 attempt in N ms (idempotency key idem-1)",
      ],
    ]);
  });

  it("an abort during the backoff wait ends the call's report as aborted", async () => {
    const controller = new AbortController();
    const { config, log } = reported(() => {
      setTimeout(() => controller.abort(), 20);
      return failure(503);
    });
    const error = await rejectionOf(send(config, request, { signal: controller.signal }));
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect(log.lines.map((line) => line.level)).toEqual(["debug", "warn", "debug", "error"]);
    expect(log.lines[3]?.line).toMatch(/failed: aborted by the caller after 1 attempt in \d+ ms/);
  });

  it("the call's time counts from its start, over every attempt and wait", async () => {
    const { config, log } = reported((_, i) => (i === 0 ? failure(503) : created()));
    const started = performance.now();
    await send(config, request, { maxRetries: 1 });
    const elapsed = performance.now() - started;
    const total = Number(/after 2 attempts in (\d+) ms/.exec(log.text())?.[1]);
    expect(total).toBeGreaterThanOrEqual(150); // the backoff alone is at least 187 ms
    expect(total).toBeLessThanOrEqual(Math.ceil(elapsed));
  });
});
