// Listing against servers on 127.0.0.1 that lie about their pages: totals and page counts that never
// end, pages that ignore `page`, offsets that shift under a walk. Iteration must end by itself, never
// yield a key twice, and never stop early while a page still brings keys it has not yielded. Every
// walk here is also capped by the test (`walk`), so a regression fails instead of hanging.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ApiKey,
  createHsrcpayClient,
  HsrcpayValidationError,
  type PagePromise,
} from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, successEnvelope, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

const account_id = apiKeyData.account_id;

/** A page as the server answers it. */
interface Answer {
  data: string[];
  total: number;
  pages: number;
  limit?: number;
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose n-th list request (0-based) is answered by `answer(page, limit, n)`. */
async function listServer(answer: (page: number, limit: number, n: number) => Answer) {
  server = await startFaultServer((res, n, req) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const page = Number(url.searchParams.get("page") ?? "1");
    const limit = Number(url.searchParams.get("limit") ?? "10");
    const { data, ...counts } = answer(page, limit, n);
    const keys = data.map((id) => ({ ...apiKeyData, id }));
    sendJson(res, 200, { ...successEnvelope(keys), limit, page, ...counts });
  });
  return createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries: 0 });
}

/** Every id the iteration yields, up to `cap` (a bound for the test itself; reaching it fails). */
async function walk(list: PagePromise<ApiKey>, cap = 500): Promise<string[]> {
  const ids: string[] = [];
  for await (const key of list) {
    ids.push(key.id);
    if (ids.length >= cap) break;
  }
  expect(ids.length, "the walk reached the test's own cap: it would not have ended").toBeLessThan(
    cap,
  );
  return ids;
}

const listRequests = () => (server as FaultServer).requests.length;

describe("a list iteration ends by itself", () => {
  it("pages: 1e9 with total: 5, and fresh keys on every page: stops once 5 keys are yielded", async () => {
    const hsrcpay = await listServer((page) => ({
      data: [`key_${page}a`, `key_${page}b`],
      total: 5,
      pages: 1e9,
    }));
    const ids = await walk(hsrcpay.apiKeys.list({ account_id, limit: 2 }));
    expect(ids).toEqual(["key_1a", "key_1b", "key_2a", "key_2b", "key_3a", "key_3b"]);
    expect(listRequests()).toBe(3);
  });

  it("a server that alternates two pages: each key once, and the walk ends", async () => {
    const hsrcpay = await listServer((page) => ({
      data: page % 2 === 1 ? ["key_a", "key_b"] : ["key_c", "key_d"],
      total: 1e9,
      pages: 1e9,
    }));
    const ids = await walk(hsrcpay.apiKeys.list({ account_id, limit: 2 }));
    expect(ids).toEqual(["key_a", "key_b", "key_c", "key_d"]);
    expect(listRequests()).toBeLessThanOrEqual(4);
  });

  it("a server that ignores page and rotates the same keys: each once, and the walk ends", async () => {
    const ring = ["key_0", "key_1", "key_2", "key_3", "key_4"];
    const hsrcpay = await listServer((_page, _limit, n) => ({
      data: [ring[(2 * n) % 5] as string, ring[(2 * n + 1) % 5] as string],
      total: 1e9,
      pages: 1e9,
    }));
    const ids = await walk(hsrcpay.apiKeys.list({ account_id, limit: 2 }));
    expect([...ids].sort()).toEqual(ring);
    expect(new Set(ids).size).toBe(ids.length);
    expect(listRequests()).toBeLessThanOrEqual(5);
  });

  it("any server of random pages, counts and repeats: bounded, and never a key twice", async () => {
    // Each case draws what every request answers (past the drawn answers, the last one again).
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        async (pages, total, pageCount) => {
          const hsrcpay = await listServer((_page, _limit, n) => ({
            // Past the drawn answers, the server keeps answering the last one.
            data: (pages[Math.min(n, pages.length - 1)] as number[]).map((i) => `key_${i}`),
            total,
            pages: pageCount,
          }));
          const ids = await walk(hsrcpay.apiKeys.list({ account_id, limit: 5 }));
          expect(new Set(ids).size).toBe(ids.length);
          // A page either brings a key not yet yielded, or is one of at most two in a row that do not.
          expect(listRequests()).toBeLessThanOrEqual(2 * ids.length + 2);
          await server?.close();
          server = undefined;
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("a list iteration never drops a key silently", () => {
  it("a page whose first key repeats the previous page's first key still yields the rest", async () => {
    const answers = [["key_a", "key_b"], ["key_a", "key_c"], ["key_d"]];
    const hsrcpay = await listServer((page) => ({
      data: answers[page - 1] ?? [],
      total: 4,
      pages: 3,
    }));
    expect(await walk(hsrcpay.apiKeys.list({ account_id, limit: 2 }))).toEqual([
      "key_a",
      "key_b",
      "key_c",
      "key_d",
    ]);
  });

  it("a key created during a limit: 1 walk shifts the offsets: every key that was there is yielded once", async () => {
    // Newest first, as a listing under offset pagination: after the first page a key is created,
    // which moves every older key one place down, so page 2 repeats page 1's key.
    const keys = ["key_5", "key_4", "key_3", "key_2", "key_1"];
    const hsrcpay = await listServer((page, limit, n) => {
      if (n === 1) keys.unshift("key_6");
      return {
        data: keys.slice((page - 1) * limit, page * limit),
        total: keys.length,
        pages: Math.ceil(keys.length / limit),
      };
    });
    const ids = await walk(hsrcpay.apiKeys.list({ account_id, limit: 1 }));
    expect(ids).toEqual(["key_5", "key_4", "key_3", "key_2", "key_1"]);
  });

  it("duplicates inside a shifted page are skipped, and the page's new keys are yielded", async () => {
    const keys = ["key_9", "key_8", "key_7", "key_6", "key_5", "key_4", "key_3"];
    const hsrcpay = await listServer((page, limit, n) => {
      if (n === 1) keys.unshift("key_10", "key_11");
      return {
        data: keys.slice((page - 1) * limit, page * limit),
        total: keys.length,
        pages: Math.ceil(keys.length / limit),
      };
    });
    const ids = await walk(hsrcpay.apiKeys.list({ account_id, limit: 3 }));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["key_9", "key_8", "key_7", "key_6", "key_5", "key_4", "key_3"]) {
      expect(ids).toContain(id);
    }
  });
});

describe("a list with invalid params or options rejects, like every other method", () => {
  it("awaiting, iterating, .catch() and .then(_, onRejected) all see the same typed error; nothing is sent", async () => {
    const hsrcpay = await listServer(() => ({ data: [], total: 0, pages: 0 }));
    const bad = () => hsrcpay.apiKeys.list({ account_id, limit: 0 });
    let list: PagePromise<ApiKey> | undefined;
    expect(() => {
      list = bad();
    }).not.toThrow();
    const awaited = await rejectionOf(list as PagePromise<ApiKey>);
    expect(awaited).toBeInstanceOf(HsrcpayValidationError);
    expect((awaited as HsrcpayValidationError).field).toBe("limit");
    const iterated = await rejectionOf(walk(bad()));
    expect(iterated).toBeInstanceOf(HsrcpayValidationError);
    expect((iterated as Error).message).toBe((awaited as Error).message);
    expect(await bad().catch((error: unknown) => error)).toBeInstanceOf(HsrcpayValidationError);
    expect(await bad().then(undefined, (error: unknown) => error)).toBeInstanceOf(
      HsrcpayValidationError,
    );
    const badOptions = hsrcpay.apiKeys.list({ account_id }, { timeout: -1 });
    expect(((await rejectionOf(badOptions)) as HsrcpayValidationError).field).toBe(
      "options.timeout",
    );
    expect(listRequests()).toBe(0);
  });

  it("an invalid list that is never used leaves no unhandled rejection", async () => {
    const hsrcpay = await listServer(() => ({ data: [], total: 0, pages: 0 }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      hsrcpay.apiKeys.list({ account_id: "" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
