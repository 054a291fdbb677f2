// Auto-pagination against a real server on 127.0.0.1 that serves pages (Prism's example is a single
// page): every key once, in order; wrong totals; a failing middle page; an abort mid-iteration.
import { afterEach, describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayAbortError, InternalServerError } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, errorEnvelope, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

interface Shelf {
  /** Keys the server holds. */
  keys: number;
  /** What it claims in `pages` (the truth by default). */
  claimedPages?: (limit: number) => number;
  /** What it claims in `total` (the truth by default). */
  claimedTotal?: number;
  /** Answers this page with a 500. */
  failingPage?: number;
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(shelf: Shelf) {
  server = await startFaultServer((res, _i, req) => {
    const url = new URL(req.url ?? "/", "http://x");
    const page = Number(url.searchParams.get("page"));
    const limit = Number(url.searchParams.get("limit") ?? 10);
    if (page === shelf.failingPage) return sendJson(res, 500, errorEnvelope(500, "boom"));
    const from = (page - 1) * limit;
    const data = Array.from(
      { length: Math.max(0, Math.min(limit, shelf.keys - from)) },
      (_, i) => ({
        ...apiKeyData,
        id: `key_${from + i}`,
        key: "sk_test_…9f2c",
      }),
    );
    const pages = shelf.claimedPages?.(limit) ?? Math.ceil(shelf.keys / limit);
    sendJson(res, 200, {
      message: "success",
      success: true,
      data,
      total: shelf.claimedTotal ?? shelf.keys,
      page,
      limit,
      pages,
    });
  });
  return {
    hsrcpay: createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries: 0 }),
    pagesAsked: () =>
      (server?.requests ?? []).map((r) => new URL(r.url, "http://x").searchParams.get("page")),
  };
}

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `key_${from + i}`);

describe("apiKeys.list across pages of a real server", () => {
  it("yields every key once, in order, asking each page once", async () => {
    const { hsrcpay, pagesAsked } = await serve({ keys: 23 });
    const seen: string[] = [];
    for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_1", limit: 10 }))
      seen.push(key.id);
    expect(seen).toEqual(ids(23));
    expect(pagesAsked()).toEqual(["1", "2", "3"]);
  });

  it("stops once the keys yielded reach the total, when the server claims far more pages", async () => {
    const { hsrcpay, pagesAsked } = await serve({ keys: 15, claimedPages: () => 1_000_000 });
    const seen: string[] = [];
    for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_1", limit: 10 }))
      seen.push(key.id);
    expect(seen).toEqual(ids(15));
    expect(pagesAsked()).toEqual(["1", "2"]);
  });

  it("stops at the first empty page when the server claims far more pages and keys than it has", async () => {
    const { hsrcpay, pagesAsked } = await serve({
      keys: 15,
      claimedPages: () => 1_000_000,
      claimedTotal: 10_000_000,
    });
    const seen: string[] = [];
    for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_1", limit: 10 }))
      seen.push(key.id);
    expect(seen).toEqual(ids(15));
    expect(pagesAsked()).toEqual(["1", "2", "3"]);
  });

  it("stops at the claimed last page when the server claims fewer pages than it has", async () => {
    const { hsrcpay, pagesAsked } = await serve({ keys: 30, claimedPages: () => 2 });
    const seen: string[] = [];
    for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_1", limit: 10 }))
      seen.push(key.id);
    expect(seen).toEqual(ids(20));
    expect(pagesAsked()).toEqual(["1", "2"]);
  });

  it("a failing middle page throws its typed error after the earlier keys were yielded", async () => {
    const { hsrcpay, pagesAsked } = await serve({ keys: 30, failingPage: 2 });
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_1", limit: 10 }))
          seen.push(key.id);
      })(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toBe("500 boom (GET /v1/api-keys/)");
    expect(seen).toEqual(ids(10));
    expect(pagesAsked()).toEqual(["1", "2"]);
  });

  it("an abort mid-iteration stops it with HsrcpayAbortError and asks no further page", async () => {
    const { hsrcpay, pagesAsked } = await serve({ keys: 50 });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        const list = hsrcpay.apiKeys.list(
          { account_id: "acct_1", limit: 10 },
          { signal: controller.signal },
        );
        for await (const key of list) {
          seen.push(key.id);
          if (seen.length === 15) controller.abort();
        }
      })(),
    );
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect(seen).toEqual(ids(15));
    expect(pagesAsked()).toEqual(["1", "2"]);
  });

  it("an abort while a page is in flight ends that request", async () => {
    server = await startFaultServer(() => {}); // never answers
    const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
    const controller = new AbortController();
    const pending = rejectionOf(
      hsrcpay.apiKeys.list({ account_id: "acct_1" }, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(HsrcpayAbortError);
    expect(server.requests).toHaveLength(1);
  });
});
