// `toArray({ limit })` against servers on 127.0.0.1 that lie about their pages: pages that never end
// with fresh ids on each, a page repeated forever, counts that say a billion. It must return at most
// `limit` items, each once, and stop requesting pages by itself; every case is also bounded by the
// test's own timeout and request count, so that a regression fails instead of hanging.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayValidationError } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, successEnvelope, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

const account_id = apiKeyData.account_id;

/** A page as the server answers it. */
interface Answer {
  data: string[];
  total: number;
  pages: number;
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose n-th list request (0-based) is answered by `answer(page, limit, n)`. */
async function listServer(answer: (page: number, limit: number, n: number) => Answer) {
  server = await startFaultServer((res, n, req) => {
    // A regression that loops must fail here, not fill the test's memory.
    if (n >= 2_000) {
      res.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const page = Number(url.searchParams.get("page") ?? "1");
    const limit = Number(url.searchParams.get("limit") ?? "10");
    const { data, ...counts } = answer(page, limit, n);
    const keys = data.map((id) => ({ ...apiKeyData, id }));
    sendJson(res, 200, { ...successEnvelope(keys), limit, page, ...counts });
  });
  return createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries: 0 });
}

const listRequests = () => (server as FaultServer).requests.length;
const idsOf = (keys: { id: string }[]) => keys.map((key) => key.id);

describe("toArray against a hostile server", () => {
  it("pages that never end, fresh ids on each, counts growing: exactly `limit` keys, and the requests stop", async () => {
    const hsrcpay = await listServer((page, limit, n) => ({
      data: Array.from({ length: limit }, (_, i) => `key_${page}_${i}`),
      total: (n + 2) * 1e6,
      pages: (n + 2) * 1e6,
    }));
    const keys = await hsrcpay.apiKeys.list({ account_id, limit: 10 }).toArray({ limit: 25 });
    expect(keys).toHaveLength(25);
    expect(idsOf(keys).slice(0, 3)).toEqual(["key_1_0", "key_1_1", "key_1_2"]);
    expect(new Set(idsOf(keys)).size).toBe(25);
    expect(listRequests()).toBe(3);
  });

  it("the same page forever, whatever `page` asks: its keys once, after at most three requests", async () => {
    const hsrcpay = await listServer(() => ({
      data: ["key_a", "key_b", "key_c"],
      total: 1e9,
      pages: 1e9,
    }));
    const keys = await hsrcpay.apiKeys.list({ account_id, limit: 3 }).toArray({ limit: 10_000 });
    expect(idsOf(keys)).toEqual(["key_a", "key_b", "key_c"]);
    expect(listRequests()).toBeLessThanOrEqual(3);
  });

  it("`pages: 1` with a total of a billion: the one page's keys, and no second request", async () => {
    const hsrcpay = await listServer(() => ({ data: ["key_a", "key_b"], total: 1e9, pages: 1 }));
    const keys = await hsrcpay.apiKeys.list({ account_id, limit: 2 }).toArray({ limit: 100 });
    expect(idsOf(keys)).toEqual(["key_a", "key_b"]);
    expect(listRequests()).toBe(1);
  });

  it("a bad limit is refused by name, and the server hears nothing", async () => {
    const hsrcpay = await listServer(() => ({ data: ["key_a"], total: 1, pages: 1 }));
    for (const limit of [0, -1, 2.5, 10_001, Number.NaN, undefined]) {
      const error = await rejectionOf(
        hsrcpay.apiKeys.list({ account_id }).toArray({ limit } as { limit: number }),
      );
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect((error as HsrcpayValidationError).field).toBe("toArray.limit");
    }
    expect(listRequests()).toBe(0);
  });

  it("any server of random pages, counts and repeats: at most `limit` keys, each once, the requests bounded", async () => {
    // Each case draws what every request answers (past the drawn answers, the last one again, or
    // fresh ids on every page: a server that never runs dry).
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 40 }),
        async (pages, endless, total, pageCount, limit) => {
          const hsrcpay = await listServer((_page, _limit, n) => ({
            data:
              endless && n >= pages.length
                ? [`key_fresh_${n}_a`, `key_fresh_${n}_b`]
                : (pages[Math.min(n, pages.length - 1)] as number[]).map((i) => `key_${i}`),
            total,
            pages: pageCount,
          }));
          const keys = await hsrcpay.apiKeys.list({ account_id, limit: 5 }).toArray({ limit });
          const ids = idsOf(keys);
          expect(ids.length).toBeLessThanOrEqual(limit);
          expect(new Set(ids).size).toBe(ids.length);
          // A page either brings a key not yet collected, or is one of at most two in a row that do not.
          expect(listRequests()).toBeLessThanOrEqual(2 * ids.length + 2);
          await server?.close();
          server = undefined;
        },
      ),
      { numRuns: 40 },
    );
  });
});
