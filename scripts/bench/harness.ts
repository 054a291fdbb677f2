// Shared pieces of `npm run bench`: the loopback server process, the variants under test, stats.
import { type ChildProcess, fork } from "node:child_process";
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

export async function startServer(): Promise<LoopbackServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL("server.mjs", import.meta.url)), {
    stdio: "ignore",
  });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (m) => resolve((m as { port: number }).port)),
  );
  return { baseUrl: `http://127.0.0.1:${port}/v1`, stop: () => child.kill() };
}

export type Variant = () => Promise<unknown>;

/** The five ways to make the same create call; each reads and parses the whole body. */
export function variants(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Record<string, Variant> {
  const url = `${baseUrl}/api-keys/?account_id=${params.account_id}`;
  const headers = {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    accept: "application/json",
    "idempotency-key": "5f0c7f2e-2b7a-4c55-9b7e-1f8f2a4d9c31",
  };
  const bare = createClient<paths>({ baseUrl, fetch: fetchImpl, headers });
  const hsrcpay = createHsrcpayClient({ token, baseUrl, fetch: fetchImpl });
  const http = axios.create({ headers });
  const query = { query: { account_id: params.account_id } };
  return {
    "raw fetch": async () =>
      (await fetchImpl(url, { method: "POST", headers, body: bodyText })).json(),
    "bare openapi-fetch": () => bare.POST("/api-keys/", { params: query, body }),
    "hsrcpay.raw.POST": () => hsrcpay.raw.POST("/api-keys/", { params: query, body }),
    "hsrcpay.apiKeys.create": () => hsrcpay.apiKeys.create(params),
    axios: () => http.post(url, body),
  };
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
