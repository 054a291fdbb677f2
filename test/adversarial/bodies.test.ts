// Hostile response bodies from a real node:http server on 127.0.0.1, read by the real fetch: huge,
// endless and compressed bodies, on success and on failure statuses. The calls of the memory cases
// run in a child process (memory-child.ts) that reports what was thrown and how far its RSS grew;
// the server here counts requests and the body bytes it managed to write before the connection
// closed. Every body the server sends stops by itself: at its length, at 1 GiB, or when the client
// goes away.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createGzip, gzipSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  defaultMaxResponseBytes,
  HsrcpayResponseTooLargeError,
  HsrcpayValidationError,
} from "../../src/index.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { settleWithin } from "../helpers/settle-within.js";
import type { ChildReport } from "./memory-child.js";

const KiB = 1024;
const MiB = 1024 * KiB;
/** "Tens of MB over baseline, not hundreds": the whole process, fetch and zlib included. */
const memoryBudget = 64 * MiB;
/** What the server may get out before the client drops the connection (socket buffers included). */
const writtenBudget = 64 * MiB;
/** Failure bodies are cut here (transport.ts `errorBodyLimit`). */
const failureBodyCap = 64 * KiB;

const success = { message: "success", success: true, data: apiKeyData };
const unavailable = {
  message: "Service unavailable",
  success: false,
  error: { code: 503, message: "Service unavailable", details: {} },
};

// --- The server -----------------------------------------------------------------------------------

/** One hostile answer, as the server saw it. */
interface Served {
  /** Body bytes handed to the socket (waiting for 'drain' whenever it asked to). */
  bytes: number;
  /** The connection closed or the answer completed. */
  closed: boolean;
  /** The whole body went out. */
  finished: boolean;
  done: Promise<void>;
}

type Behaviour = (res: ServerResponse, served: Served) => void;

interface HostileServer {
  /** `${origin}/<case>/v1` is a base URL whose calls get that case's answer. */
  origin: string;
  /** The hostile answers, in order (the warm-up routes `ok` and `ok-gzip` are not counted). */
  served: Served[];
  requestsTo(name: string): number;
  /** True once every hostile answer's connection has closed; false if that takes over `ms`. */
  allClosed(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

const servers = new Set<HostileServer>();
const children = new Set<ChildProcess>();
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  children.clear();
  await Promise.all([...servers].map((server) => server.close()));
  servers.clear();
});

async function startHostileServer(cases: Record<string, Behaviour>): Promise<HostileServer> {
  const served: Served[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    const name = (req.url ?? "").split("/")[1] ?? "";
    requests.push(name);
    if (name === "ok") return sendBody(res, 201, JSON.stringify(success));
    if (name === "ok-gzip") {
      return sendBody(res, 201, gzipSync(JSON.stringify(success)), { "content-encoding": "gzip" });
    }
    const behaviour = cases[name];
    if (!behaviour) return sendBody(res, 404, "no such case");
    let settle: () => void = () => {};
    const answer: Served = {
      bytes: 0,
      closed: false,
      finished: false,
      done: new Promise((resolve) => {
        settle = resolve;
      }),
    };
    res.on("close", () => {
      answer.closed = true;
      answer.finished = res.writableFinished;
      settle();
    });
    served.push(answer);
    behaviour(res, answer);
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const handle: HostileServer = {
    origin: `http://127.0.0.1:${port}`,
    served,
    requestsTo: (name) => requests.filter((seen) => seen === name).length,
    allClosed: (ms) =>
      settleWithin(
        Promise.all(served.map((answer) => answer.done)).then(() => true),
        ms,
        false,
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.add(handle);
  return handle;
}

function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/**
 * Writes `head`, then `filler` over and over, up to `total` bytes, honouring backpressure; stops
 * for good as soon as the connection closes.
 */
function pour(
  res: ServerResponse,
  served: Served,
  head: Buffer,
  filler: Buffer,
  total: number,
): void {
  const step = () => {
    while (!served.closed && served.bytes < total) {
      const piece = served.bytes === 0 ? head : filler;
      const out = piece.subarray(0, total - served.bytes);
      served.bytes += out.length;
      if (!res.write(out)) {
        res.once("drain", step);
        return;
      }
    }
    if (!served.closed) res.end();
  };
  step();
}

/** A body of `total` bytes: a complete envelope, then whitespace, so that all of it is valid JSON. */
function hugeJson(status: number, envelope: object, total: number): Behaviour {
  return (res, served) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": String(total),
    });
    pour(res, served, Buffer.from(JSON.stringify(envelope)), Buffer.alloc(64 * KiB, " "), total);
  };
}

/** ~256 MiB of zero bytes, gzipped as a stream (about 250 KB); never held inflated. */
async function gzipBomb(inflated: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on("data", (part: Buffer) => parts.push(part));
  const ended = once(gzip, "end");
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < inflated; written += zeros.length) {
    if (!gzip.write(zeros)) await once(gzip, "drain");
  }
  gzip.end();
  await ended;
  return Buffer.concat(parts);
}

function gzipped(status: number, body: Buffer): Behaviour {
  return (res, served) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "content-encoding": "gzip",
      "content-length": String(body.length),
    });
    pour(res, served, body, body, body.length);
  };
}

// --- The child ------------------------------------------------------------------------------------

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

interface HostileCall {
  report: ChildReport;
  /** Every hostile answer's connection closed while the child was still running. */
  closedWhileAlive: boolean;
  served: Served[];
  requests: number;
}

/** Serves `behaviour` under `name` and makes one call to it from memory-child.ts. */
async function hostileCall(
  name: string,
  behaviour: Behaviour,
  annotate: (message: string) => Promise<unknown>,
): Promise<HostileCall> {
  const server = await startHostileServer({ [name]: behaviour });
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "test/adversarial/memory-child.ts", server.origin, name],
    { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] },
  );
  children.add(child);
  const exited = once(child, "exit");
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  child.stdin.on("error", () => {}); // it may have exited already
  const report = await new Promise<ChildReport>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      const end = stdout.indexOf("\n");
      if (end < 0) return;
      try {
        resolve(JSON.parse(stdout.slice(0, end)) as ChildReport);
      } catch {
        reject(new Error(`memory-child printed something else than its report:\n${stdout}`));
      }
    });
    exited.then(
      ([code]) =>
        reject(new Error(`memory-child exited with ${code} without a report:\n${stderr}`)),
      reject,
    );
  });
  // While the child runs, its sockets stay open unless the client closed them.
  const closedWhileAlive = report.stoppedAtCeiling ? false : await server.allClosed(15_000);
  child.stdin.end();
  await exited;
  const requests = server.requestsTo(name);
  const outcome = report.stoppedAtCeiling
    ? "stopped while still reading, at the 1 GiB ceiling"
    : `${report.errorName ?? "no error"} (${report.status})`;
  const written = mib(totalBytes(server.served));
  await annotate(
    `${outcome}; peak RSS growth ${mib(report.peakGrowthBytes)}; ${requests} request(s); server wrote ${written}`,
  );
  return { report, closedWhileAlive, served: server.served, requests };
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const totalBytes = (served: Served[]) => served.reduce((sum, answer) => sum + answer.bytes, 0);

// --- The cases ------------------------------------------------------------------------------------

describe("bodies too large to hold (memory measured in a child process)", () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await gzipBomb(256 * MiB);
  });

  it("a 200 MB success body is refused at the cap and its connection dropped", async ({
    annotate,
  }) => {
    const { report, closedWhileAlive, served, requests } = await hostileCall(
      "huge-201",
      hugeJson(201, success, 200 * MiB),
      annotate,
    );
    expect(report.errorName).toBe("HsrcpayResponseTooLargeError");
    expect(report.classes).toContain("HsrcpayInvalidResponseError");
    expect(report.status).toBe(201);
    expect(report.limit).toBe(defaultMaxResponseBytes);
    expect(report.message).toContain(`${defaultMaxResponseBytes}-byte cap`);
    // What arrived is named by its type and size; none of its text is quoted.
    expect(report.message).toContain("content-type application/json");
    expect(report.message).not.toContain('"success"');
    expect(report.bodyStart).toBeNull();
    expect(requests).toBe(1);
    expect(closedWhileAlive).toBe(true);
    expect(served[0]?.finished).toBe(false);
    expect(totalBytes(served)).toBeLessThan(writtenBudget);
    expect(report.peakGrowthBytes).toBeLessThan(memoryBudget);
  });

  it("a 200 MB 503 on every attempt ends in InternalServerError without reading the bodies", async ({
    annotate,
  }) => {
    const { report, closedWhileAlive, served, requests } = await hostileCall(
      "huge-503",
      hugeJson(503, unavailable, 200 * MiB),
      annotate,
    );
    expect(report.errorName).toBe("InternalServerError");
    expect(report.status).toBe(503);
    expect(report.message).toContain(`over ${failureBodyCap} bytes`);
    expect(report.message).toContain("cut");
    expect(requests).toBe(3);
    expect(closedWhileAlive).toBe(true);
    expect(served.map((answer) => answer.finished)).toEqual([false, false, false]);
    expect(totalBytes(served)).toBeLessThan(writtenBudget);
    expect(report.peakGrowthBytes).toBeLessThan(memoryBudget);
  });

  // Also the case of a body longer than V8's longest string (~512 MiB): to the client it is the
  // same endless stream, cut at the cap long before. 0.1.0's response.text() threw there, and the
  // call became a retried HsrcpayConnectionError.
  it("an endless body under the default timeout is refused at the cap, not timed out or retried", async ({
    annotate,
  }) => {
    const endless: Behaviour = (res, served) => {
      res.writeHead(201, { "content-type": "application/json" });
      const head = Buffer.from('{"message":"success","success":true,"data":{"items":[');
      pour(res, served, head, Buffer.from("0,".repeat(32 * KiB)), 1024 * MiB);
    };
    const { report, closedWhileAlive, served, requests } = await hostileCall(
      "endless",
      endless,
      annotate,
    );
    expect(report.errorName).toBe("HsrcpayResponseTooLargeError");
    expect(report.classes).not.toContain("HsrcpayConnectionError");
    expect(report.classes).not.toContain("HsrcpayTimeoutError");
    expect(report.status).toBe(201);
    expect(report.limit).toBe(defaultMaxResponseBytes);
    expect(requests).toBe(1);
    expect(closedWhileAlive).toBe(true);
    expect(totalBytes(served)).toBeLessThan(writtenBudget);
    expect(report.peakGrowthBytes).toBeLessThan(memoryBudget);
  });

  it("a gzip bomb with a success status is refused at the cap, counted after inflating", async ({
    annotate,
  }) => {
    expect(bomb.length).toBeLessThan(MiB);
    const { report, closedWhileAlive, requests } = await hostileCall(
      "bomb-201",
      gzipped(201, bomb),
      annotate,
    );
    expect(report.errorName).toBe("HsrcpayResponseTooLargeError");
    expect(report.status).toBe(201);
    expect(report.limit).toBe(defaultMaxResponseBytes);
    expect(requests).toBe(1);
    expect(closedWhileAlive).toBe(true);
    expect(report.peakGrowthBytes).toBeLessThan(memoryBudget);
  });

  it("a gzip bomb with a 503 on every attempt ends in InternalServerError", async ({
    annotate,
  }) => {
    const { report, closedWhileAlive, requests } = await hostileCall(
      "bomb-503",
      gzipped(503, bomb),
      annotate,
    );
    expect(report.errorName).toBe("InternalServerError");
    expect(report.status).toBe(503);
    expect(report.message).toContain("cut");
    expect(requests).toBe(3);
    expect(closedWhileAlive).toBe(true);
    expect(report.peakGrowthBytes).toBeLessThan(memoryBudget);
  });
});

// --- maxResponseBytes -------------------------------------------------------------------------------

/** A success envelope of exactly `size` bytes, padded in `data.metadata`. */
function envelopeOfSize(size: number): string {
  const padded = (pad: string) =>
    JSON.stringify({ ...success, data: { ...apiKeyData, metadata: { pad } } });
  const body = padded("x".repeat(size - padded("").length));
  expect(Buffer.byteLength(body)).toBe(size);
  return body;
}

describe("the maxResponseBytes option", () => {
  async function cappedAt(maxResponseBytes: number, bodies: Record<string, string>) {
    const cases: Record<string, Behaviour> = {};
    for (const [name, body] of Object.entries(bodies)) {
      cases[name] = (res) => sendBody(res, 201, body);
    }
    const server = await startHostileServer(cases);
    return (name: string) =>
      createHsrcpayClient({ token, baseUrl: `${server.origin}/${name}/v1`, maxResponseBytes });
  }

  it("a 2048-byte cap refuses a 3000-byte envelope and reads a 1500-byte one", async () => {
    const at = await cappedAt(2048, {
      big: envelopeOfSize(3000),
      small: envelopeOfSize(1500),
    });
    const error = await at("big")
      .apiKeys.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
    expect(error).toMatchObject({ limit: 2048, status: 201 });
    expect((error as Error).message).toContain("2048-byte cap");
    const apiKey = await at("small").apiKeys.create(params);
    expect(apiKey.id).toBe(apiKeyData.id);
    expect(apiKey.metadata).toEqual({ pad: expect.any(String) });
  });

  it("a body of exactly the cap is read; one byte more is refused", async () => {
    const at = await cappedAt(2048, {
      exact: envelopeOfSize(2048),
      over: envelopeOfSize(2049),
    });
    expect((await at("exact").apiKeys.create(params)).id).toBe(apiKeyData.id);
    await expect(at("over").apiKeys.create(params)).rejects.toBeInstanceOf(
      HsrcpayResponseTooLargeError,
    );
  });

  it("hsrcpay.raw refuses a success body over the cap with the same error", async () => {
    const at = await cappedAt(2048, { big: envelopeOfSize(3000) });
    const error = await at("big")
      .raw.POST("/api-keys/", {
        params: { query: { account_id: params.account_id } },
        body: { name: params.name, permissions: params.permissions },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
    expect(error).toMatchObject({ limit: 2048, status: 201 });
  });

  it.each([0, 1.5, 1e12, "4MB"])(
    "rejects maxResponseBytes %s when the client is created",
    (value) => {
      let thrown: unknown;
      try {
        createHsrcpayClient({ token, maxResponseBytes: value as unknown as number });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HsrcpayValidationError);
      expect(thrown).toMatchObject({ field: "maxResponseBytes" });
    },
  );
});
