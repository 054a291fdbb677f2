// Shared pieces of `npm run bench`: the loopback server process, the variants under test, stats.
import { type ChildProcess, fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import axios from "axios";
import createClient from "openapi-fetch";
import type { paths } from "../../generated/schema.js";

// The built package, as users load it (`npm run bench` builds first).
const { createHsrcpayClient } = (await import(
  new URL("../../dist/index.js", import.meta.url).href
)) as typeof import("../../src/index.js");

export const token = "sk_test_bench0000000000000000000";
export const params = {
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  name: "CI deploy",
  permissions: { payments: ["read"] },
};
const { account_id: _, ...body } = params;
export const bodyText = JSON.stringify(body);

export interface LoopbackServer {
  baseUrl: string;
  stop(): void;
}

/**
 * The loopback server: in its own process (the client's CPU cost is hidden behind the server's),
 * or in the client's process, where every microsecond the client spends shows.
 */
export async function startServer(inProcess = false): Promise<LoopbackServer> {
  if (inProcess) {
    const { handler } = await import("./answers.mjs");
    const server = createServer(handler);
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}/v1`,
      stop: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }
  const child: ChildProcess = fork(fileURLToPath(new URL("server.mjs", import.meta.url)), {
    stdio: "ignore",
  });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (m) => resolve((m as { port: number }).port)),
  );
  return { baseUrl: `http://127.0.0.1:${port}/v1`, stop: () => child.kill() };
}

export type Variant = () => Promise<unknown>;

/**
 * Each operation made by raw fetch (the baseline) and by the client, plus the other ways to make
 * a create; each reads and parses the whole body.
 */
export function variants(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Record<string, Variant> {
  const url = `${baseUrl}/api-keys/?account_id=${params.account_id}`;
  const keyUrl = `${baseUrl}/api-keys/key_4hW8pK2sD6fG0jL3`;
  const headers = {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    accept: "application/json",
    "idempotency-key": "5f0c7f2e-2b7a-4c55-9b7e-1f8f2a4d9c31",
  };
  const read = { authorization: `Bearer ${token}`, accept: "application/json" };
  const bare = createClient<paths>({ baseUrl, fetch: fetchImpl, headers });
  // As users make it: given a fetch only when it is not the runtime's own.
  const hsrcpay = createHsrcpayClient({
    token,
    baseUrl,
    ...(fetchImpl === globalThis.fetch ? {} : { fetch: fetchImpl }),
  });
  const http = axios.create({ headers });
  const query = { query: { account_id: params.account_id } };
  const json = async (response: Promise<Response>) => (await response).json();
  // What the client sets on every attempt besides the request itself: a timeout that aborts
  // through a signal (30 s, cleared when the body is read) and redirect: "manual".
  const guarded = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const init = { method: "POST", headers, body: bodyText, redirect: "manual" as const };
      return await json(fetchImpl(url, { ...init, signal: controller.signal }));
    } finally {
      clearTimeout(timer);
    }
  };
  // The least a client built as #11 asks can cost: openapi-fetch typed by the spec's paths, with a
  // light Request (the issue's own hint) and a fetch(url, init), plus what #9 requires of every
  // attempt: a timeout that aborts through a signal and covers the body read, and no redirects.
  // No retries, Idempotency-Key, envelope checks, caps or redaction: the client's own work is what
  // each operation measures above its floor. Each floor sends the headers its raw fetch sends.
  const floorClient = (sent: Record<string, string>) =>
    createClient<paths>({
      baseUrl,
      headers: sent,
      Request: LightRequest as unknown as typeof Request,
      fetch: ((request: LightRequest) =>
        fetchImpl(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          redirect: "manual",
          signal: request.signal,
        })) as unknown as typeof fetch,
    });
  const writes = floorClient(headers);
  const reads = floorClient(read);
  const timed = async <T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      return await call(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
  const id = "key_4hW8pK2sD6fG0jL3";
  const floors: Record<string, Variant> = {
    [floorName]: () =>
      timed((signal) => writes.POST("/api-keys/", { params: query, body, signal })),
    "floor: list": () =>
      timed((signal) =>
        reads.GET("/api-keys/", {
          params: { query: { account_id: params.account_id, page: 1, limit: 10 } },
          signal,
        }),
      ),
    "floor: delete": () =>
      timed((signal) => writes.DELETE("/api-keys/{id}", { params: { path: { id } }, signal })),
    "floor: regenerate": () =>
      timed((signal) =>
        writes.POST("/api-keys/{id}/regenerate", { params: { path: { id } }, signal }),
      ),
  };
  return {
    "raw fetch": () => json(fetchImpl(url, { method: "POST", headers, body: bodyText })),
    "raw fetch with a timeout signal": guarded,
    ...floors,
    "hsrcpay.apiKeys.create": () => hsrcpay.apiKeys.create(params),
    "raw fetch: list": () => json(fetchImpl(`${url}&page=1&limit=10`, { headers: read })),
    "hsrcpay.apiKeys.list (one page)": async () =>
      hsrcpay.apiKeys.list({ account_id: params.account_id, limit: 10 }),
    "raw fetch: delete": () => json(fetchImpl(keyUrl, { method: "DELETE", headers })),
    "hsrcpay.apiKeys.delete": () => hsrcpay.apiKeys.delete("key_4hW8pK2sD6fG0jL3"),
    "raw fetch: regenerate": () =>
      json(fetchImpl(`${keyUrl}/regenerate`, { method: "POST", headers })),
    "hsrcpay.apiKeys.regenerate": () => hsrcpay.apiKeys.regenerate("key_4hW8pK2sD6fG0jL3"),
    "bare openapi-fetch": () => bare.POST("/api-keys/", { params: query, body }),
    "hsrcpay.raw.POST": () => hsrcpay.raw.POST("/api-keys/", { params: query, body }),
    axios: () => http.post(url, body),
  };
}

/** What openapi-fetch builds and hands to fetch, and no more (url, method, headers, body, signal). */
class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: HeadersInit;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers ?? {};
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
  }
}

export const floorName = "floor: openapi-fetch, light Request, timeout signal, no redirects";

/** Each targeted operation's floor: the same call with nothing of the client's own. */
export const floorOf: Record<string, string> = {
  "hsrcpay.apiKeys.create": floorName,
  "hsrcpay.apiKeys.list (one page)": "floor: list",
  "hsrcpay.apiKeys.delete": "floor: delete",
  "hsrcpay.apiKeys.regenerate": "floor: regenerate",
  "hsrcpay.raw.POST": floorName,
};

/** Which raw-fetch variant is the baseline of a client variant. */
export const baselineOf: Record<string, string> = {
  "hsrcpay.apiKeys.create": "raw fetch",
  "raw fetch with a timeout signal": "raw fetch",
  [floorName]: "raw fetch",
  "floor: list": "raw fetch: list",
  "floor: delete": "raw fetch: delete",
  "floor: regenerate": "raw fetch: regenerate",
  "hsrcpay.apiKeys.list (one page)": "raw fetch: list",
  "hsrcpay.apiKeys.delete": "raw fetch: delete",
  "hsrcpay.apiKeys.regenerate": "raw fetch: regenerate",
  "bare openapi-fetch": "raw fetch",
  "hsrcpay.raw.POST": "raw fetch",
  axios: "raw fetch",
};

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
