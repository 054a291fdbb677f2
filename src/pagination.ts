// A list call returns one object with two uses (openai-node's PagePromise): awaited, it gives the
// first page; iterated with `for await`, it gives every item of every page, fetched lazily. The
// stop rule is defensive: a server whose totals are wrong cannot make iteration endless.
import type { ResponseMeta } from "./envelope.js";
import { HsrcpayAbortError, HsrcpayError } from "./errors/hsrcpay-error.js";

/** One page of a list, with HSRCPAY's pagination numbers. */
export interface Page<T> extends AsyncIterable<T> {
  /** The items of this page. */
  readonly data: T[];
  /** Items across all pages, as the server counts them. */
  readonly total: number;
  /** This page's 1-based number: the one that was asked for. */
  readonly page: number;
  /** The page size the server used. */
  readonly limit: number;
  /** Pages in all, as the server counts them. */
  readonly pages: number;
  /** What the response said besides the data (not enumerable). */
  readonly lastResponse: ResponseMeta;
  /**
   * Whether a next page is worth asking for: this page was not empty, the server counts more
   * pages, and this page is not a repeat of the previous one.
   */
  hasNextPage(): boolean;
  /** Fetches the next page; throws `HsrcpayError` when `hasNextPage()` is false. */
  getNextPage(): Promise<Page<T>>;
}

/** Awaitable as the first page; async-iterable over every item of every page. */
export interface PagePromise<T> extends PromiseLike<Page<T>>, AsyncIterable<T> {
  catch<R = never>(
    onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<Page<T> | R>;
  finally(onFinally?: (() => void) | null): Promise<Page<T>>;
}

/** What one page request returned. */
export interface PageContent<T> {
  data: T[];
  total: number;
  limit: number;
  pages: number;
  meta: ResponseMeta;
}

/**
 * `fetchPage(n)` requests page n. Nothing is requested until the result is awaited or iterated,
 * so a list that is never used cannot end in an unhandled rejection.
 */
export function pagePromise<T>(
  fetchPage: (page: number) => Promise<PageContent<T>>,
  firstPage: number,
  signal: AbortSignal | undefined,
): PagePromise<T> {
  const load = async (page: number, previousFirst: T | undefined): Promise<Page<T>> => {
    if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
    return makePage(await fetchPage(page), page, previousFirst);
  };
  const makePage = (content: PageContent<T>, page: number, previousFirst: T | undefined) => {
    const { data, meta, ...counts } = content;
    // A server that ignores `page` answers the same items again: that is not a next page.
    const repeat = data.length > 0 && previousFirst !== undefined && same(data[0], previousFirst);
    const hasNextPage = () => data.length > 0 && page < counts.pages && !repeat;
    const result = {
      data: repeat ? [] : data,
      ...counts,
      page,
      hasNextPage,
      getNextPage: () => {
        if (!hasNextPage())
          return Promise.reject(new HsrcpayError(`There is no page after ${page}`));
        return load(page + 1, data[0]);
      },
    } as Page<T>;
    Object.defineProperties(result, {
      lastResponse: { value: meta },
      [Symbol.asyncIterator]: { value: () => items(result, undefined, signal) },
    });
    return result;
  };
  let first: Promise<Page<T>> | undefined;
  const start = () => {
    first ??= load(firstPage, undefined);
    return first;
  };
  return {
    // biome-ignore lint/suspicious/noThenProperty: awaitable on purpose, as openai-node's PagePromise
    then: (onFulfilled, onRejected) => start().then(onFulfilled, onRejected),
    catch: (onRejected) => start().catch(onRejected),
    finally: (onFinally) => start().finally(onFinally),
    [Symbol.asyncIterator]: () => items(undefined, start, signal),
  };
}

/** Every item from `from` (or the first page) on; the signal is checked before each one. */
async function* items<T>(
  from: Page<T> | undefined,
  start: (() => Promise<Page<T>>) | undefined,
  signal: AbortSignal | undefined,
) {
  let page = from ?? (await (start as () => Promise<Page<T>>)());
  for (;;) {
    for (const item of page.data) {
      if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
      yield item;
    }
    if (!page.hasNextPage()) return;
    page = await page.getNextPage();
  }
}

/** Same item: by `id` where items have one, else by identity. */
function same(a: unknown, b: unknown): boolean {
  const id = (x: unknown) => (typeof x === "object" && x !== null ? (x as { id?: unknown }).id : x);
  const ids = [id(a), id(b)];
  return ids[0] === undefined ? a === b : ids[0] === ids[1];
}
