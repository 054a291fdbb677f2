// The runtime's own fetch is not raced against an attempt's deadline (transport.ts `honoursSignal`):
// the client trusts undici to reject its promise and error the body stream when the attempt's
// signal aborts. These servers on 127.0.0.1 try to make a call through a client with no `fetch`
// option hang past its timeout, keep a socket or a timer after it ends, or end with anything but
// the typed error: headers that never complete, bodies that trickle forever (plain, chunked, gzip,
// br, deflate, past the cap), failure statuses whose bodies stall, a caller's abort at every stage,
// fifty calls on one signal, a deadline landing as the headers arrive, and garbage collection while
// a call waits. Every server writes a bounded number of bytes and stops when its socket closes.
// The last section: a globalThis.fetch that is not the runtime's own is raced, not trusted.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import {
  type AddressInfo,
  createServer as createNetServer,
  type Server,
  type Socket,
} from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  type BrotliCompress,
  constants,
  createBrotliCompress,
  createDeflate,
  createGzip,
  type Deflate,
  type Gzip,
} from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayAbortError,
  type HsrcpayClient,
  HsrcpayResponseTooLargeError,
  HsrcpayTimeoutError,
} from "../../src/index.js";
import { rejectionOf } from "../helpers/rejection.js";
import { settleWithin } from "../helpers/settle-within.js";

const token = `sk_test_${"0".repeat(24)}`;
const params = { account_id: "acct_1", name: "x", permissions: { payments: ["read"] } };
/** The attempt's timeout in every test: small, so that a hang is obvious. */
const timeout = 300;
/** How late a call may end after its deadline before it counts as hung. */
const slack = 2_000;
/** How long the server may wait for its socket to close once the call has ended. */
const closeWithin = 2_000;
const cap = 4_096;

// --- Servers --------------------------------------------------------------------------------------

interface Connection {
  /** A request came in on it (undici also opens spare connections that never carry one). */
  carried: boolean;
  closed: boolean;
  /** Resolves when the socket closes. */
  done: Promise<void>;
}

interface StallServer {
  baseUrl: string;
  /** The connections that carried a request, in order. */
  connections: Connection[];
  /** True once every connection that carried a request has closed; false if that takes over `ms`. */
  allClosed(ms?: number): Promise<boolean>;
  /** Marks `connection` as one that carried a request. */
  carried(connection: Connection): void;
  /** Writes `next()` every `ms` while the connection is open, at most `times` times. */
  every(connection: Connection, ms: number, times: number, next: () => void): void;
  close(): Promise<void>;
}

const servers = new Set<StallServer>();
afterEach(async () => {
  await Promise.all([...servers].map((server) => server.close()));
  servers.clear();
});

async function listen(
  server: Server,
  onConnection: (socket: Socket, connection: Connection) => void,
): Promise<StallServer> {
  const sockets = new Set<Socket>();
  const connections: Connection[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    let closed: () => void = () => {};
    const connection: Connection = {
      carried: false,
      closed: false,
      done: new Promise<void>((resolve) => {
        closed = resolve;
      }),
    };
    socket.on("close", () => {
      sockets.delete(socket);
      connection.closed = true;
      closed();
    });
    onConnection(socket, connection);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stall: StallServer = {
    carried(connection) {
      if (connection.carried) return;
      connection.carried = true;
      connections.push(connection);
    },
    baseUrl: `http://127.0.0.1:${port}/v1`,
    connections,
    allClosed: (ms = closeWithin) =>
      settleWithin(
        Promise.all(connections.map((c) => c.done)).then(() => true),
        ms,
        false,
      ),
    every(connection, ms, times, next) {
      let count = 0;
      const timer = setInterval(() => {
        if (connection.closed || count++ >= times) {
          clearInterval(timer);
          timers.delete(timer);
          return;
        }
        next();
      }, ms);
      timers.add(timer);
      connection.done.then(() => {
        clearInterval(timer);
        timers.delete(timer);
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearInterval(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.add(stall);
  return stall;
}

/** A node:http server: `answer` gets each request once its body has been read. */
async function httpServer(
  answer: (res: ServerResponse, index: number, server: StallServer, connection: Connection) => void,
): Promise<StallServer> {
  let count = 0;
  const byRequest = new WeakMap<Socket, Connection>();
  const http = createHttpServer((req: IncomingMessage, res) => {
    req.resume();
    req.on("end", () => {
      const connection = byRequest.get(req.socket);
      if (!connection) return;
      stall.carried(connection);
      answer(res, count++, stall, connection);
    });
  });
  const stall = await listen(http, (socket, connection) => {
    byRequest.set(socket, connection);
  });
  return stall;
}

/** A node:net server for bytes node:http will not send: `answer` runs once the request head is in. */
async function rawServer(
  answer: (socket: Socket, server: StallServer, connection: Connection) => void,
): Promise<StallServer> {
  const net = createNetServer();
  const stall = await listen(net, (socket, connection) => {
    let head = "";
    const onData = (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      socket.resume();
      stall.carried(connection);
      answer(socket, stall, connection);
    };
    socket.on("data", onData);
  });
  return stall;
}

/** One byte of a JSON envelope at a time, for as long as the connection lasts (bounded). */
function trickle(
  server: StallServer,
  connection: Connection,
  write: (chunk: string) => void,
  ms = 50,
  times = 200,
) {
  const text = `{"message":"success","success":true,"data":{"name":"${"x".repeat(4_000)}"}}`;
  let at = 0;
  server.every(connection, ms, times, () => write(text.charAt(at++ % text.length)));
}

type Compressor = Gzip | Deflate | BrotliCompress;

const encoders: Record<string, { make: () => Compressor; flush: (z: Compressor) => void }> = {
  gzip: { make: () => createGzip(), flush: (z) => z.flush(constants.Z_SYNC_FLUSH) },
  deflate: { make: () => createDeflate(), flush: (z) => z.flush(constants.Z_SYNC_FLUSH) },
  br: {
    make: () => createBrotliCompress(),
    flush: (z) => z.flush(constants.BROTLI_OPERATION_FLUSH),
  },
};

/** Answers `status` with `content-encoding: encoding`, then one compressed, flushed byte at a time. */
function compressedTrickle(encoding: string, status = 201) {
  return (res: ServerResponse, _index: number, server: StallServer, connection: Connection) => {
    const encoder = encoders[encoding];
    if (!encoder) throw new Error(`no encoder ${encoding}`);
    const z = encoder.make();
    res.writeHead(status, { "content-type": "application/json", "content-encoding": encoding });
    z.on("data", (chunk: Buffer) => {
      if (!res.destroyed) res.write(chunk);
    });
    z.on("error", () => {});
    res.on("close", () => z.destroy());
    trickle(server, connection, (byte) => {
      z.write(byte);
      encoder.flush(z);
    });
  };
}

// --- What a user notices --------------------------------------------------------------------------

/** A client with no `fetch` option: the runtime's own, not raced. */
function client(
  server: StallServer,
  overrides: Partial<Parameters<typeof createHsrcpayClient>[0]> = {},
): HsrcpayClient {
  return createHsrcpayClient({
    token,
    timeout,
    maxRetries: 0,
    baseUrl: server.baseUrl,
    ...overrides,
  });
}

interface Ended {
  error: unknown;
  ms: number;
}

/**
 * What the call threw and how long it took; or, past `bound` ms, "still pending": a hung call fails
 * its test at once instead of holding it until vitest's own timeout (the servers are closed after
 * each test, which ends it).
 */
async function ended(call: () => PromiseLike<unknown>, bound = timeout + slack): Promise<Ended> {
  const started = performance.now();
  const error = await settleWithin(rejectionOf(call()), bound, "still pending");
  return { error, ms: performance.now() - started };
}

/** Timers alive (and holding the process open) in this process. */
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

/**
 * No timer is left beyond the `before` count. vitest's own short-lived timers come and go, so this
 * waits a little for them; a leaked attempt timer (60 s in the abort tests) or backoff timer (30 s)
 * would still be there.
 */
async function expectNoTimerLeft(before: number): Promise<void> {
  await vi.waitFor(() => expect(timers()).toBeLessThanOrEqual(before), {
    timeout: 500,
    interval: 10,
  });
}

/**
 * Runs one call against `server` and checks what a user would: the typed error, within the
 * deadline and its slack; every socket that carried a request closed on the server's side (not
 * left to undici's own 300 s timeouts); and no timer left in this process. After an abort, undici
 * on Node 20 opens a spare connection that carries nothing and closes by itself a few seconds
 * later, unref'd; on Node 24 it closes at once. It is not counted.
 */
async function expectEnds(
  server: StallServer,
  call: () => PromiseLike<unknown>,
  expected: { error: new (...args: never[]) => unknown; atLeast: number; within: number },
): Promise<Ended> {
  const before = timers();
  const result = await ended(call, expected.within);
  expect(result.error).toBeInstanceOf(expected.error);
  expect(result.ms).toBeGreaterThanOrEqual(expected.atLeast - 5);
  expect(result.ms).toBeLessThan(expected.within);
  expect(server.connections.length).toBeGreaterThan(0);
  expect(await server.allClosed()).toBe(true);
  await expectNoTimerLeft(before);
  return result;
}

const timesOut = { error: HsrcpayTimeoutError, atLeast: timeout, within: timeout + slack };

// --- Headers --------------------------------------------------------------------------------------

describe("headers that never complete", () => {
  it("no answer at all: the attempt times out and the socket is closed", async () => {
    const server = await rawServer(() => {});
    await expectEnds(server, () => client(server).apiKeys.create(params), timesOut);
  });

  it("a status line and some headers, then nothing", async () => {
    const server = await rawServer((socket) => {
      socket.write(
        "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\nx-request-id: r1\r\n",
      );
    });
    await expectEnds(server, () => client(server).apiKeys.create(params), timesOut);
  });

  it("one byte of headers every 100 ms", async () => {
    const server = await rawServer((socket, stall, connection) => {
      const head = `HTTP/1.1 201 Created\r\nx-padding: ${"a".repeat(200)}\r\n\r\n`;
      let at = 0;
      stall.every(connection, 100, head.length - 4, () => socket.write(head.charAt(at++)));
    });
    await expectEnds(server, () => client(server).apiKeys.delete("key_1"), timesOut);
  });

  it("an endless run of 1xx informational answers", async () => {
    const server = await rawServer((socket, stall, connection) => {
      stall.every(connection, 50, 200, () => socket.write("HTTP/1.1 102 Processing\r\n\r\n"));
    });
    await expectEnds(server, () => client(server).apiKeys.list({ account_id: "acct_1" }), timesOut);
  });

  it("a chunk-size line that never ends", async () => {
    const server = await rawServer((socket, stall, connection) => {
      socket.write("HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n");
      stall.every(connection, 50, 200, () => socket.write("0"));
    });
    await expectEnds(server, () => client(server).apiKeys.create(params), timesOut);
  });
});

// --- Bodies ---------------------------------------------------------------------------------------

describe("a body that trickles one byte every 50 ms", () => {
  const plain =
    (headers: Record<string, string | number>, status = 201) =>
    (res: ServerResponse, _index: number, server: StallServer, connection: Connection) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      trickle(server, connection, (byte) => {
        if (!res.destroyed) res.write(byte);
      });
    };

  it.each([
    // Read with response.arrayBuffer() (transport.ts: within the cap, no content-encoding).
    ["a Content-Length within the cap", { "content-length": 4_000 }],
    ["chunked", {}],
    // Past the cap: only a snippet is read, with the reader loop.
    ["a Content-Length past the cap", { "content-length": 10_000_000 }],
    // An encoding the runtime does not decode: the length counts encoded bytes, the loop reads it.
    ["an unknown content-encoding", { "content-encoding": "x-custom", "content-length": 4_000 }],
  ])("%s: the call times out and the socket is closed", async (_, headers) => {
    const server = await httpServer(plain(headers));
    await expectEnds(
      server,
      () => client(server, { maxResponseBytes: cap }).apiKeys.create(params),
      timesOut,
    );
  });

  it.each(["gzip", "deflate", "br"])(
    "content-encoding %s, flushed byte by byte: the call times out and the socket is closed",
    async (encoding) => {
      const server = await httpServer(compressedTrickle(encoding));
      await expectEnds(server, () => client(server).apiKeys.create(params), timesOut);
    },
  );

  it("a 400 whose body stalls: a timeout, not the 400 and not a hang", async () => {
    const server = await httpServer(plain({ "content-length": 2_000 }, 400));
    await expectEnds(server, () => client(server).apiKeys.create(params), timesOut);
  });

  it("a gzip 400 whose body stalls: a timeout", async () => {
    const server = await httpServer(compressedTrickle("gzip", 400));
    await expectEnds(server, () => client(server).apiKeys.create(params), timesOut);
  });

  it("503s whose bodies stall, retried: each retried body is dropped, the last one times out", async () => {
    const server = await httpServer(plain({ "content-length": 2_000, "retry-after": "0" }, 503));
    // One backoff of up to 250 ms between the attempts.
    const result = await expectEnds(
      server,
      () => client(server, { maxRetries: 1 }).apiKeys.create(params),
      {
        error: HsrcpayTimeoutError,
        atLeast: timeout,
        within: timeout + 250 + slack,
      },
    );
    expect(server.connections).toHaveLength(2);
    expect(result.ms).toBeGreaterThan(timeout + 150);
  });

  it("a body past the cap that then stalls: cut at once, and the socket is closed", async () => {
    const server = await httpServer((res) => {
      res.writeHead(201, { "content-type": "application/json" });
      res.write(`{"message":"${"x".repeat(cap * 2)}`);
    });
    await expectEnds(
      server,
      () => client(server, { maxResponseBytes: cap }).apiKeys.create(params),
      {
        error: HsrcpayResponseTooLargeError,
        atLeast: 0,
        within: timeout,
      },
    );
  });

  it("a reused keep-alive socket whose second answer stalls", async () => {
    const server = await httpServer((res, index, stall, connection) => {
      if (index === 0) {
        const text = JSON.stringify({ message: "success", success: true, data: null });
        res.writeHead(200, { "content-type": "application/json", "content-length": text.length });
        res.end(text);
        return;
      }
      plain({ "content-length": 4_000 })(res, index, stall, connection);
    });
    const hsrcpay = client(server);
    await hsrcpay.apiKeys.delete("key_1");
    // undici hands the socket back to its pool a moment after the body ends.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expectEnds(server, () => hsrcpay.apiKeys.create(params), timesOut);
    expect(server.connections).toHaveLength(1);
  });
});

// --- The caller's signal --------------------------------------------------------------------------

describe("the caller's signal", () => {
  const abortsAfter = (ms: number, reason?: unknown) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), ms);
    return controller.signal;
  };
  const aborted = { error: HsrcpayAbortError, atLeast: 100, within: timeout * 10 };
  // A long timeout: only the abort can end these calls in time.
  const patient = (server: StallServer) => client(server, { timeout: 60_000 });

  it("aborted mid-headers", async () => {
    const server = await rawServer((socket) => socket.write("HTTP/1.1 201 Created\r\nx-a: b\r\n"));
    await expectEnds(
      server,
      () => patient(server).apiKeys.create(params, { signal: abortsAfter(100) }),
      aborted,
    );
  });

  it.each([
    ["a Content-Length within the cap", { "content-length": 4_000 }],
    ["chunked", {}],
  ])("aborted mid-body (%s)", async (_, headers) => {
    const server = await httpServer((res, _i, stall, connection) => {
      res.writeHead(201, { "content-type": "application/json", ...headers });
      trickle(stall, connection, (byte) => res.write(byte));
    });
    await expectEnds(
      server,
      () =>
        patient(server).apiKeys.create(params, {
          signal: abortsAfter(100, new Error("user left")),
        }),
      aborted,
    );
  });

  it("aborted mid-body (gzip), with no reason", async () => {
    const server = await httpServer(compressedTrickle("gzip"));
    await expectEnds(
      server,
      () => patient(server).apiKeys.create(params, { signal: abortsAfter(100) }),
      aborted,
    );
  });

  const timeoutReason = new HsrcpayTimeoutError(1);
  it.each([
    ["a string", "bye", "bye"],
    // The caller's own timeout error is its reason for aborting: still an abort, not a timeout.
    ["a timeout error", timeoutReason, timeoutReason],
    // undici rejects with `reason ?? new DOMException(..., "AbortError")`: a null reason becomes an
    // AbortError as the cause (an injected, raced fetch keeps the null).
    ["null", null, "an AbortError"],
  ])("aborted mid-body with %s as the reason: still an abort", async (_, reason, cause) => {
    const server = await httpServer((res, _i, stall, connection) => {
      res.writeHead(201, { "content-type": "application/json", "content-length": 4_000 });
      trickle(stall, connection, (byte) => res.write(byte));
    });
    const { error } = await expectEnds(
      server,
      () => patient(server).apiKeys.create(params, { signal: abortsAfter(100, reason) }),
      aborted,
    );
    const { cause: seen } = error as HsrcpayAbortError;
    if (cause === "an AbortError") expect((seen as Error).name).toBe("AbortError");
    else expect(seen).toBe(cause);
  });

  it("aborted during the retry backoff: no second attempt, no backoff timer left", async () => {
    const server = await httpServer((res) => {
      res.writeHead(503, { "content-type": "application/json", "retry-after": "30" });
      res.write('{"message":');
    });
    await expectEnds(
      server,
      () => patient(server).apiKeys.create(params, { signal: abortsAfter(200), maxRetries: 2 }),
      aborted,
    );
    expect(server.connections).toHaveLength(1);
  });
});

// --- Many calls, and a deadline that lands as the headers arrive ---------------------------------

describe("many calls", () => {
  const calls = 50;

  it(`${calls} concurrent calls sharing one signal, all stalled mid-body: all time out`, async () => {
    const server = await httpServer((res, _i, stall, connection) => {
      res.writeHead(201, { "content-type": "application/json", "content-length": 4_000 });
      trickle(stall, connection, (byte) => res.write(byte), 100, 100);
    });
    const shared = new AbortController();
    const hsrcpay = client(server);
    const before = timers();
    const results = await Promise.all(
      Array.from({ length: calls }, () =>
        ended(() => hsrcpay.apiKeys.create(params, { signal: shared.signal })),
      ),
    );
    for (const { error, ms } of results) {
      expect(error).toBeInstanceOf(HsrcpayTimeoutError);
      expect(ms).toBeLessThan(timeout + slack);
    }
    expect(server.connections).toHaveLength(calls);
    expect(await server.allClosed()).toBe(true);
    await expectNoTimerLeft(before);
  });

  it(`${calls} concurrent calls sharing one signal, aborted mid-headers and mid-body`, async () => {
    const server = await rawServer((socket, stall, connection) => {
      const index = stall.connections.indexOf(connection);
      if (index % 2 === 0) socket.write("HTTP/1.1 201 Created\r\nx-a: b\r\n");
      else {
        socket.write("HTTP/1.1 201 Created\r\ncontent-length: 4000\r\n\r\n");
        stall.every(connection, 50, 200, () => socket.write("x"));
      }
    });
    const shared = new AbortController();
    const hsrcpay = client(server, { timeout: 60_000 });
    const before = timers();
    const pending = Array.from({ length: calls }, () =>
      ended(() => hsrcpay.apiKeys.create(params, { signal: shared.signal })),
    );
    setTimeout(() => shared.abort(new Error("batch cancelled")), 300);
    const results = await Promise.all(pending);
    for (const { error, ms } of results) {
      expect(error).toBeInstanceOf(HsrcpayAbortError);
      expect(ms).toBeLessThan(300 + slack);
    }
    expect(await server.allClosed()).toBe(true);
    await expectNoTimerLeft(before);
  });

  it("the deadline landing just before, at, or just after the headers: always the timeout", async () => {
    const deadline = 100;
    // Headers at deadline - 20 ms ... deadline + 20 ms, in 2 ms steps; the body then stalls.
    const delays = Array.from({ length: 21 }, (_, i) => deadline - 20 + 2 * i);
    const server = await rawServer((socket, stall, connection) => {
      const index = stall.connections.indexOf(connection);
      const timer = setTimeout(() => {
        if (!connection.closed)
          socket.write("HTTP/1.1 201 Created\r\ncontent-length: 4000\r\n\r\n{");
      }, delays[index] ?? 0);
      connection.done.then(() => clearTimeout(timer));
    });
    const hsrcpay = client(server, { timeout: deadline });
    const before = timers();
    // One after another, so that each server-side delay is measured from its own request.
    for (const _ of delays) {
      const { error, ms } = await ended(() => hsrcpay.apiKeys.create(params));
      expect(error).toBeInstanceOf(HsrcpayTimeoutError);
      expect(ms).toBeLessThan(deadline + slack);
    }
    expect(await server.allClosed()).toBe(true);
    await expectNoTimerLeft(before);
  });
});

// --- Garbage collection ---------------------------------------------------------------------------

describe("garbage collection while calls wait", () => {
  // undici links the attempt's signal to its own Request's signal through a WeakRef: collect
  // everything collectable while the calls wait, and the deadline must still reach the socket.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;

  it("mid-headers and mid-body, with full collections during the wait: all time out", async () => {
    const server = await rawServer((socket, stall, connection) => {
      const index = stall.connections.indexOf(connection);
      if (index % 2 === 0) socket.write("HTTP/1.1 201 Created\r\nx-a: b\r\n");
      else socket.write("HTTP/1.1 201 Created\r\ncontent-length: 4000\r\n\r\n{");
    });
    const hsrcpay = client(server);
    const pending = Array.from({ length: 10 }, () => ended(() => hsrcpay.apiKeys.create(params)));
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      gc();
    }
    for (const { error, ms } of await Promise.all(pending)) {
      expect(error).toBeInstanceOf(HsrcpayTimeoutError);
      expect(ms).toBeLessThan(timeout + slack);
    }
    expect(await server.allClosed()).toBe(true);
  });
});

// --- A global fetch that is not the runtime's -----------------------------------------------------

describe("a globalThis.fetch replaced by a wrapper or a mock", () => {
  // Only the runtime's own fetch, as client.ts found it when it loaded, goes unraced. Whatever is put
  // in its place (a fetch mock, an instrumentation or caching wrapper, a polyfill), before the client
  // is made or after, may drop the signal or answer with a body of its own that does not end on
  // abort, so it is raced like a `fetch` option: the call ends at its deadline.
  const runtimeFetch = globalThis.fetch;
  /** The raced calls end at the 300 ms deadline; the trusted ones are still pending a second on. */
  const pendingPast = timeout + 1_000;
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A wrapper that forwards everything but the signal (the socket then stalls with the body). */
  const signalDropping: typeof fetch = (input, init) =>
    runtimeFetch(input, { ...init, signal: null });

  /** A mock that honours the signal for its promise but answers with a body of its own. */
  const mockedBody: typeof fetch = async (_input, init) => {
    init?.signal?.throwIfAborted();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"message":'));
      },
    });
    return new Response(body, { status: 201, headers: { "content-type": "application/json" } });
  };

  const stalledBody = (res: ServerResponse) => {
    res.writeHead(201, { "content-type": "application/json", "content-length": 4_000 });
    res.write('{"message":');
  };

  it("the same signal-dropping wrapper injected as `fetch` is raced: it times out", async () => {
    const server = await httpServer(stalledBody);
    const hsrcpay = client(server, { fetch: signalDropping });
    const { error } = await ended(() => hsrcpay.apiKeys.create(params), pendingPast);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("a signal-dropping wrapper installed as globalThis.fetch: the call must time out", async () => {
    const server = await httpServer(stalledBody);
    vi.stubGlobal("fetch", signalDropping);
    const hsrcpay = client(server);
    const { error } = await ended(() => hsrcpay.apiKeys.create(params), pendingPast);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("a wrapper installed after the client was made: the call must time out", async () => {
    const server = await httpServer(stalledBody);
    const hsrcpay = client(server);
    vi.stubGlobal("fetch", signalDropping);
    const { error } = await ended(() => hsrcpay.apiKeys.create(params), pendingPast);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("a mock whose body does not end on abort: the call must time out", async () => {
    vi.stubGlobal("fetch", mockedBody);
    const hsrcpay = createHsrcpayClient({ token, timeout, maxRetries: 0 });
    const { error } = await ended(() => hsrcpay.apiKeys.create(params), pendingPast);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
  });

  it("the same mock injected as `fetch` is raced: it times out", async () => {
    const hsrcpay = createHsrcpayClient({ token, timeout, maxRetries: 0, fetch: mockedBody });
    const { error } = await ended(() => hsrcpay.apiKeys.create(params), pendingPast);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
  });
});
