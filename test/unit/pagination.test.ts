// pagePromise: awaitable first page, async-iterable over every item, with a stop rule that a server
// with wrong totals cannot turn into an endless loop.
import { describe, expect, it } from "vitest";
import { HsrcpayAbortError, HsrcpayError } from "../../src/index.js";
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
