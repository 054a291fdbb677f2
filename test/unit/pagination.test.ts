// pagePromise: awaitable first page, async-iterable over every item, with a stop rule that a server
// with wrong totals cannot turn into an endless loop.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HsrcpayAbortError, HsrcpayError, HsrcpayValidationError } from "../../src/index.js";
import { type PageContent, pagePromise } from "../../src/internal/pagination.js";
import { rejectionOf } from "../helpers/rejection.js";

const meta = {
  status: 200,
  message: "success",
  requestId: undefined,
  retryAfter: undefined,
  idempotencyKey: undefined,
  headers: new Headers(),
};
type Item = { id: string };

/** Pages of `perPage` items; `pages` is what the server claims; `actual` how many it really has. */
function server(pages: number, actual = pages, perPage = 2) {
  const asked: number[] = [];
  const fetchPage = async (page: number): Promise<PageContent<Item>> => {
    asked.push(page);
    const data =
      page <= actual ? Array.from({ length: perPage }, (_, i) => ({ id: `p${page}i${i}` })) : [];
    return { data, total: pages * perPage, limit: perPage, pages, meta };
  };
  return { fetchPage, asked };
}

async function collect(iterable: AsyncIterable<Item>, limit = 1_000): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) {
    ids.push(item.id);
    if (ids.length >= limit) break; // a safety net for the test itself, never reached when it passes
  }
  return ids;
}

describe("pagePromise", () => {
  it("awaited, gives the first page with its numbers; nothing is fetched before", async () => {
    const { fetchPage, asked } = server(3);
    const pending = pagePromise(fetchPage, 1, undefined);
    expect(asked).toEqual([]);
    const page = await pending;
    expect(page).toMatchObject({
      data: [{ id: "p1i0" }, { id: "p1i1" }],
      total: 6,
      page: 1,
      limit: 2,
      pages: 3,
    });
    expect(page.lastResponse).toBe(meta);
    expect(page.hasNextPage()).toBe(true);
    expect((await page.getNextPage()).page).toBe(2);
    expect(asked).toEqual([1, 2]);
  });

  it("iterated, yields every item of every page in order, then stops at the last page", async () => {
    const { fetchPage, asked } = server(3);
    expect(await collect(pagePromise(fetchPage, 1, undefined))).toEqual([
      "p1i0",
      "p1i1",
      "p2i0",
      "p2i1",
      "p3i0",
      "p3i1",
    ]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("starts from the page asked for, and a page iterates from itself on", async () => {
    const { fetchPage } = server(3);
    expect(await collect(pagePromise(fetchPage, 2, undefined))).toEqual([
      "p2i0",
      "p2i1",
      "p3i0",
      "p3i1",
    ]);
    const third = await (await pagePromise(fetchPage, 2, undefined)).getNextPage();
    expect(await collect(third)).toEqual(["p3i0", "p3i1"]);
  });

  it("stops at an empty page although the server claims a million pages", async () => {
    const { fetchPage, asked } = server(1_000_000, 2);
    expect(await collect(pagePromise(fetchPage, 1, undefined))).toHaveLength(4);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("stops after two pages in a row that bring nothing new (a server that ignores `page`)", async () => {
    const asked: number[] = [];
    const fetchPage = async (page: number): Promise<PageContent<Item>> => {
      asked.push(page);
      return { data: [{ id: "a" }, { id: "b" }], total: 100, limit: 2, pages: 50, meta };
    };
    expect(await collect(pagePromise(fetchPage, 1, undefined))).toEqual(["a", "b"]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("goes on after one page that brings nothing new, and counts the run afresh after a new key", async () => {
    // a, then a repeat (let through), then c, then a repeat (let through again), then d.
    const answers = [["a"], ["a"], ["c"], ["c"], ["d"], ["d"], ["d"]];
    const asked: number[] = [];
    const fetchPage = async (page: number): Promise<PageContent<Item>> => {
      asked.push(page);
      const data = (answers[page - 1] ?? []).map((id) => ({ id }));
      return { data, total: 100, limit: 1, pages: 100, meta };
    };
    expect(await collect(pagePromise(fetchPage, 1, undefined))).toEqual(["a", "c", "d"]);
    expect(asked).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("stops once the items yielded reach the server's total, whatever page count it claims", async () => {
    const asked: number[] = [];
    const fetchPage = async (page: number): Promise<PageContent<Item>> => {
      asked.push(page);
      return { data: [{ id: `p${page}` }], total: 3, limit: 1, pages: 1e9, meta };
    };
    expect(await collect(pagePromise(fetchPage, 1, undefined))).toEqual(["p1", "p2", "p3"]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("stops at the server's page count even when pages keep coming", async () => {
    const { fetchPage, asked } = server(2, 10);
    expect(await collect(pagePromise(fetchPage, 1, undefined))).toHaveLength(4);
    expect(asked).toEqual([1, 2]);
  });

  it("a failing later page throws its error after the earlier pages' items were yielded", async () => {
    const failure = new HsrcpayError("page 2 failed");
    const fetchPage = async (page: number): Promise<PageContent<Item>> => {
      if (page === 2) throw failure;
      return { data: [{ id: `p${page}` }], total: 3, limit: 1, pages: 3, meta };
    };
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of pagePromise(fetchPage, 1, undefined)) seen.push(item.id);
      })(),
    );
    expect(seen).toEqual(["p1"]);
    expect(error).toBe(failure);
  });

  it("an aborted signal stops iteration before the next page is requested", async () => {
    const { fetchPage, asked } = server(5);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of pagePromise(fetchPage, 1, controller.signal)) {
          seen.push(item.id);
          if (seen.length === 2) controller.abort();
        }
      })(),
    );
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect(seen).toEqual(["p1i0", "p1i1"]);
    expect(asked).toEqual([1]);
  });

  it("then, catch and finally behave as a promise's, fetching the first page once", async () => {
    const { fetchPage, asked } = server(1);
    const pending = pagePromise(fetchPage, 1, undefined);
    const [a, b] = await Promise.all([pending, pending.then((p) => p.page)]);
    expect(a.page).toBe(1);
    expect(b).toBe(1);
    let finished = false;
    await pending.finally(() => {
      finished = true;
    });
    expect(finished).toBe(true);
    expect(asked).toEqual([1]);
    const failing = pagePromise(() => Promise.reject(new HsrcpayError("x")), 1, undefined);
    expect(await failing.catch((e: unknown) => (e as Error).message)).toBe("x");
  });

  it("a page's lastResponse and iterator stay out of JSON and keys", async () => {
    const page = await pagePromise(server(1).fetchPage, 1, undefined);
    expect(Object.keys(page)).toEqual([
      "data",
      "total",
      "limit",
      "pages",
      "page",
      "hasNextPage",
      "getNextPage",
    ]);
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      data: page.data,
      total: 2,
      limit: 2,
      pages: 1,
      page: 1,
    });
  });
});

describe("pagePromise: items and repeats", () => {
  function pagesOf<T>(pages: T[][]) {
    const asked: number[] = [];
    const fetchPage = async (page: number): Promise<PageContent<T>> => {
      asked.push(page);
      const data = pages[page - 1] ?? [];
      return { data, total: pages.flat().length, limit: 2, pages: pages.length, meta };
    };
    return { fetchPage, asked };
  }
  async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const item of iterable) out.push(item);
    return out;
  }

  it("compares items without an id by value: numbers and null pages all come through", async () => {
    const { fetchPage, asked } = pagesOf<number | null>([
      [1, 2],
      [3, 4],
      [null, 5],
    ]);
    expect(await all(pagePromise(fetchPage, 1, undefined))).toEqual([1, 2, 3, 4, null, 5]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("compares objects without an id by identity: distinct objects are not a repeat", async () => {
    const { fetchPage, asked } = pagesOf<{ n: number }>([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }]]);
    expect(await all(pagePromise(fetchPage, 1, undefined))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("never treats the first page as a repeat, whatever its items", async () => {
    const { fetchPage } = pagesOf<{ name: string }>([[{ name: "a" }]]);
    const page = await pagePromise(fetchPage, 1, undefined);
    expect(page.data).toEqual([{ name: "a" }]);
  });

  it("a page whose first key repeats the previous page's keeps its new keys, and the walk goes on", async () => {
    const { fetchPage } = pagesOf<Item>([
      [{ id: "a" }, { id: "b" }],
      [{ id: "a" }, { id: "c" }],
      [{ id: "d" }],
    ]);
    const second = await (await pagePromise(fetchPage, 1, undefined)).getNextPage();
    expect(second.data).toEqual([{ id: "c" }]);
    expect(second.hasNextPage()).toBe(true);
    const third = await second.getNextPage();
    expect(third.data).toEqual([{ id: "d" }]);
    expect(third.hasNextPage()).toBe(false);
    const error = await rejectionOf(third.getNextPage());
    expect(error).toBeInstanceOf(HsrcpayError);
    expect((error as Error).message).toBe("There is no page after 3");
  });

  it("skips a key repeated inside one page", async () => {
    const { fetchPage } = pagesOf<Item>([[{ id: "a" }, { id: "a" }, { id: "b" }]]);
    expect(await all(pagePromise(fetchPage, 1, undefined))).toEqual([{ id: "a" }, { id: "b" }]);
  });

  it("asking one page for its next page twice gives the same next page both times", async () => {
    const { fetchPage, asked } = pagesOf<Item>([
      [{ id: "a" }, { id: "b" }],
      [{ id: "b" }, { id: "c" }],
      [{ id: "d" }],
    ]);
    const first = await pagePromise(fetchPage, 1, undefined);
    const once = await first.getNextPage();
    const third = await once.getNextPage();
    const twice = await first.getNextPage();
    expect(once.data).toEqual([{ id: "c" }]);
    expect(twice.data).toEqual([{ id: "c" }]);
    expect(third.data).toEqual([{ id: "d" }]);
    // The branch did not take `c` from the walk it left: that walk still has its own.
    expect((await twice.getNextPage()).data).toEqual([{ id: "d" }]);
    expect(asked).toEqual([1, 2, 3, 2, 3]);
  });

  it("an abort in the middle of a page stops at the next item, with the caller's reason", async () => {
    const { fetchPage } = pagesOf<Item>([[{ id: "a" }, { id: "b" }]]);
    const controller = new AbortController();
    const reason = new Error("enough");
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of pagePromise(fetchPage, 1, controller.signal)) {
          seen.push(item.id);
          controller.abort(reason);
        }
      })(),
    );
    expect(seen).toEqual(["a"]);
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
  });

  it("getNextPage after an abort requests nothing and keeps the reason", async () => {
    const { fetchPage, asked } = pagesOf<Item>([[{ id: "a" }], [{ id: "b" }]]);
    const controller = new AbortController();
    const first = await pagePromise(fetchPage, 1, controller.signal);
    const reason = new Error("left");
    controller.abort(reason);
    const error = await rejectionOf(first.getNextPage());
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(asked).toEqual([1]);
  });
});

describe("toArray({ limit })", () => {
  it("collects the items of every page, in order, when the list has fewer than the limit", async () => {
    const { fetchPage, asked } = server(3);
    const items = await pagePromise(fetchPage, 1, undefined).toArray({ limit: 100 });
    expect(items.map((item) => item.id)).toEqual(["p1i0", "p1i1", "p2i0", "p2i1", "p3i0", "p3i1"]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it("returns exactly `limit` items and requests no page past the one that reached it", async () => {
    const { fetchPage, asked } = server(1_000_000);
    const three = await pagePromise(fetchPage, 1, undefined).toArray({ limit: 3 });
    expect(three.map((item) => item.id)).toEqual(["p1i0", "p1i1", "p2i0"]);
    expect(asked).toEqual([1, 2]);
    // A limit that ends exactly at a page's end asks for nothing after that page.
    const other = server(1_000_000);
    expect(await pagePromise(other.fetchPage, 1, undefined).toArray({ limit: 4 })).toHaveLength(4);
    expect(other.asked).toEqual([1, 2]);
  });

  it("for any page size, page count and limit: the first items iteration gives, and only the pages they need", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 4 }),
        async (pages, perPage, limit, firstPage) => {
          const every = await collect(
            pagePromise(server(pages, pages, perPage).fetchPage, firstPage, undefined),
          );
          const { fetchPage, asked } = server(pages, pages, perPage);
          const items = await pagePromise(fetchPage, firstPage, undefined).toArray({ limit });
          expect(items.map((item) => item.id)).toEqual(every.slice(0, limit));
          if (every.length > limit) {
            expect(asked).toHaveLength(Math.ceil(limit / perPage));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a missing, fractional, non-positive, non-numeric or absurd limit is refused by name before any request", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(undefined),
          fc.integer({ max: 0 }),
          fc.integer({ min: 10_001 }),
          fc.double().filter((n) => !Number.isInteger(n)),
          fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e21, null, "10", 10n, [10], {
            n: 10,
          }),
        ),
        async (limit) => {
          const { fetchPage, asked } = server(3);
          const error = await rejectionOf(
            pagePromise(fetchPage, 1, undefined).toArray({ limit } as never),
          );
          expect(error).toBeInstanceOf(HsrcpayValidationError);
          expect((error as HsrcpayValidationError).field).toBe("toArray.limit");
          expect((error as Error).message).toMatch(
            /^toArray\.limit is required, a whole number from 1 to 10000 \(toArray\(\{ limit: 1000 \}\)\); iterate with for await/,
          );
          expect(asked).toEqual([]);
        },
      ),
    );
  });

  it("takes 1 and 10 000, the bounds, and says what to do instead past them", async () => {
    const { fetchPage } = server(1);
    expect(await pagePromise(fetchPage, 1, undefined).toArray({ limit: 1 })).toHaveLength(1);
    expect(await pagePromise(fetchPage, 1, undefined).toArray({ limit: 10_000 })).toHaveLength(2);
    const error = await rejectionOf(
      pagePromise(fetchPage, 1, undefined).toArray({ limit: 10_001 }),
    );
    expect((error as Error).message).toContain("iterate with for await");
  });

  it("no options, a bare number or a misspelt option is refused, naming what was wrong", async () => {
    const { fetchPage, asked } = server(3);
    const list = pagePromise(fetchPage, 1, undefined);
    // @ts-expect-error the limit is required
    const none = await rejectionOf(list.toArray());
    expect(none).toMatchObject({ field: "toArray" });
    expect((none as Error).message).toContain("toArray({ limit: 1000 })");
    expect(await rejectionOf(list.toArray(100 as never))).toMatchObject({ field: "toArray" });
    // @ts-expect-error the limit is required
    expect(await rejectionOf(list.toArray({}))).toMatchObject({ field: "toArray.limit" });
    const typo = await rejectionOf(list.toArray({ limit: 5, limt: 5 } as never));
    expect(typo).toMatchObject({ field: "toArray.limt" });
    const throwing = {
      get limit(): number {
        throw new Error("a getter that fails");
      },
    };
    expect(await rejectionOf(list.toArray(throwing))).toBeInstanceOf(HsrcpayValidationError);
    expect(asked).toEqual([]);
  });

  it("a list whose params were refused rejects with that refusal", async () => {
    const refusal = new HsrcpayValidationError("limit", "must be at most 100");
    const list = pagePromise<Item>(() => Promise.reject(refusal), 1, undefined);
    expect(await rejectionOf(list.toArray({ limit: 10 }))).toBe(refusal);
  });

  it("a failing later page rejects toArray with its error; nothing is returned half-done", async () => {
    const failure = new HsrcpayError("page 2 failed");
    const fetchPage = async (page: number): Promise<PageContent<Item>> => {
      if (page === 2) throw failure;
      return { data: [{ id: `p${page}` }], total: 3, limit: 1, pages: 3, meta };
    };
    expect(await rejectionOf(pagePromise(fetchPage, 1, undefined).toArray({ limit: 3 }))).toBe(
      failure,
    );
  });

  it("the list's signal stops it between pages, with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("enough");
    const asked: number[] = [];
    const fetchPage = async (page: number): Promise<PageContent<Item>> => {
      asked.push(page);
      if (page === 2) controller.abort(reason);
      return { data: [{ id: `p${page}` }], total: 10, limit: 1, pages: 10, meta };
    };
    const error = await rejectionOf(
      pagePromise(fetchPage, 1, controller.signal).toArray({ limit: 10 }),
    );
    expect(error).toBeInstanceOf(HsrcpayAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(asked).toEqual([1, 2]);
  });

  it("after the list was awaited, reuses its first page; an unpaginated list is taken as sent", async () => {
    const { fetchPage, asked } = server(2);
    const list = pagePromise(fetchPage, 1, undefined);
    await list;
    expect(await list.toArray({ limit: 3 })).toHaveLength(3);
    expect(asked).toEqual([1, 2]);
    const flat = async (): Promise<PageContent<Item>> => ({
      data: [{ id: "a" }, { id: "a" }, { id: "b" }],
      total: 3,
      limit: 3,
      pages: 1,
      meta,
    });
    expect(await pagePromise(flat, 1, undefined, false).toArray({ limit: 2 })).toEqual([
      { id: "a" },
      { id: "a" },
    ]);
  });
});
