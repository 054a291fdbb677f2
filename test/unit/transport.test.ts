// send(): the one place that calls fetch. Driven directly, with an injected fetch for what can be
// staged in memory and a real server on 127.0.0.1 for resets and hangs.
import { afterEach, describe, expect, it } from "vitest";
import {
  HsrcpayAbortError,
  HsrcpayConnectionError,
  HsrcpayTimeoutError,
} from "../../src/errors/hsrcpay-error.js";
import { type OutgoingRequest, send, type TransportConfig } from "../../src/transport.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { errorEnvelope, successEnvelope, token } from "../helpers/fixtures.js";
import { created, failure, type Handler, hang, observedFetch } from "../helpers/observed-fetch.js";
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
  it("returns the status, redacted headers, request id and the whole body under the cap", async () => {
    const { config } = configWith(() =>
      created(201, { "x-request-id": "req_1", "x-echo": `Bearer ${token}` }),
    );
    const received = await send(config, request, {});
    expect(received.status).toBe(201);
    expect(received.requestId).toBe("req_1");
    expect(received.headers.get("x-echo")).toBe("Bearer sk_test_...9f2c");
    expect(JSON.parse(received.text)).toEqual(successEnvelope());
    expect(received.truncated).toBe(false);
    expect(received.bytes).toBe(Buffer.byteLength(received.text));
    expect(received.redact(`x ${token} y`)).toBe("x sk_test_…9f2c y");
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

  it("drops control characters from the reason phrase and redacts it", async () => {
    const { config } = configWith(() => {
      const response = new Response("{}", { status: 201 });
      Object.defineProperty(response, "statusText", { value: `Cre\u0001ated ${token}` });
      return response;
    });
    const received = await send(config, request, {});
    expect(received.statusText).toBe("Created sk_test_...9f2c");
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

  it("retries a connection failure and keeps the original error as cause", async () => {
    const cause = new TypeError("fetch failed", {
      cause: new Error("connect ECONNREFUSED 127.0.0.1:1"),
    });
    const { config, calls } = configWith(() => Promise.reject(cause), { maxRetries: 1 });
    const error = await rejectionOf(send(config, request, {}));
    expect(error).toBeInstanceOf(HsrcpayConnectionError);
    expect((error as Error).cause).toBe(cause);
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
    expect(error.message).toBe("Could not reach HSRCPAY: refused Bearer sk_test_…9f2c");
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

  it("a server that never answers: the attempt times out and the retry succeeds", async () => {
    server = await startFaultServer((res, i) =>
      i === 0 ? undefined : sendJson(res, 201, successEnvelope()),
    );
    const config: TransportConfig = {
      fetch: globalThis.fetch,
      token: () => token,
      maxRetries: 1,
      timeoutMs: 300,
      maxResponseBytes: 4_096,
    };
    const received = await send(config, { ...request, url: url(server.baseUrl) }, {});
    expect(received.status).toBe(201);
    expect(server.requests).toHaveLength(2);
  });
});
