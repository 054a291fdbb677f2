// Shared pieces of `npm run bench`: the loopback server, the client and its peers making one
// recorded request each, and the statistics.
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import axios from "axios";
import ky from "ky";
import OpenAI from "openai";
import createClient from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import type { HsrcpayClient } from "../../src/index.js";
import { type BenchedOperation, type SentRequest, token } from "./operations.js";

// The built package, as users load it (`npm run bench` builds first).
const { createHsrcpayClient } = (await import(
  new URL("../../dist/index.js", import.meta.url).href
)) as typeof import("../../src/index.js");

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
    const { handler } = await import("./answers.js");
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
  const child: ChildProcess = fork(fileURLToPath(new URL("server.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: "ignore",
  });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (m) => resolve((m as { port: number }).port)),
  );
  return { baseUrl: `http://127.0.0.1:${port}/v1`, stop: () => child.kill() };
}

export type Call = () => PromiseLike<unknown>;

/**
 * What a user would pick instead of the client, each making the client's recorded request with
 * its own retries and timeouts on where it has them. Raw fetch and the guarded floor are the
 * baselines; the four libraries are the peers the client must beat.
 */
export const baselines = ["guarded floor", "raw fetch"] as const;
export const libraries = ["openapi-fetch", "openai-node", "ky", "axios"] as const;
export type Peer = (typeof baselines)[number] | (typeof libraries)[number];

/** The peers for one base URL: each library's client is made once, as an application would. */
export function peers(baseUrl: string): (sent: SentRequest) => Record<Peer, Call> {
  const bare = createClient<paths>({ baseUrl });
  const openai = new OpenAI({ apiKey: token, baseURL: baseUrl, maxRetries: 2, timeout: 30_000 });
  const kyClient = ky.create({ retry: { limit: 2 }, timeout: 30_000 });
  const http = axios.create({ timeout: 30_000, maxRedirects: 0 });
  return (sent) => {
    const { method, url, headers } = sent;
    const body = sent.body ?? null;
    const json = body === null ? undefined : (JSON.parse(body) as unknown);
    const read = async (response: Response) => {
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    };
    const verb = method.toLowerCase() as "get" | "post" | "put" | "delete";
    // openai-node's generic methods (`client.post(path, { body, idempotencyKey })`), the
    // Stainless runtime its SDKs share; it sets its own Authorization from apiKey.
    const openaiOptions = {
      query: sent.query,
      ...(json === undefined ? {} : { body: json }),
    };
    return {
      // Raw fetch with a per-attempt timeout that also covers the body read, and no redirects:
      // what any client that holds against a hostile path pays.
      "guarded floor": async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          const init = { method, headers, body, redirect: "manual" as const };
          return await read(await fetch(url, { ...init, signal: controller.signal }));
        } finally {
          clearTimeout(timer);
        }
      },
      "raw fetch": async () => read(await fetch(url, { method, headers, body })),
      "openapi-fetch": () =>
        bare.request(
          verb as "post",
          sent.template as "/payments/",
          {
            params: { path: sent.path, query: sent.query },
            headers,
            ...(json === undefined ? {} : { body: json as never }),
          } as never,
        ),
      "openai-node": () =>
        verb === "get"
          ? openai.get(sent.relativePath, openaiOptions)
          : openai[verb](sent.relativePath, { ...openaiOptions, idempotencyKey: randomUUID() }),
      ky: () => kyClient(url, { method, headers, body }).json(),
      axios: () => http.request({ url, method, headers, data: body }),
    };
  };
}

/** The client as a user makes it, and `raw` making the same request as the resource method. */
export function clientCalls(
  hsrcpay: HsrcpayClient,
  operation: BenchedOperation,
  sent: SentRequest,
): Record<string, Call> {
  const calls: Record<string, Call> = { [operation.name]: () => operation.call(hsrcpay) };
  if (operation.kind === "object" && operation.write) {
    const raw = hsrcpay.raw as unknown as Record<
      string,
      (path: string, init: Record<string, unknown>) => Promise<unknown>
    >;
    const init = {
      params: { path: sent.path, query: sent.query },
      ...(sent.body === undefined ? {} : { body: JSON.parse(sent.body) as unknown }),
    };
    const method = raw[sent.method];
    if (!method) throw new Error(`raw has no ${sent.method}`);
    calls[`raw.${sent.method} ${sent.template}`] = () => method(sent.template, init);
  }
  return calls;
}

export function newClient(baseUrl: string, fetchImpl?: typeof fetch): HsrcpayClient {
  return createHsrcpayClient({ token, baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

/**
 * Throws unless a variant's answer is a success: every pair is checked once before it is timed,
 * so a peer answered 404 (a wrong path, say) cannot pass for a fast one.
 */
export function assertSuccess(name: string, result: unknown): void {
  const held = result as { error?: unknown; response?: unknown; status?: unknown } | undefined;
  const status =
    held?.response instanceof Response
      ? held.response.status
      : typeof held?.status === "number"
        ? held.status
        : 200;
  if ((held && "error" in held && held.error !== undefined) || status < 200 || status > 299) {
    throw new Error(`${name} did not succeed: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
