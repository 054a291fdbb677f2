// A list call returns one object with two uses (openai-node's PagePromise): awaited, it gives the
// first page; iterated with `for await`, it gives every item of every page, fetched lazily.
//
// The stop rule is about what was actually yielded, since neither the server's counts nor its pages
// can be trusted: an item whose id an earlier page of the same walk had is skipped (offsets shift
// when items are created during a walk: a repeat is normal, not a reason to stop), and the walk ends
// at an empty page, at the server's last page, once the items yielded reach the server's total, or
// after two pages in a row that bring nothing new (a server that ignores `page`). One such page is
// let through: under `limit: 1`, an item created between two page requests makes the next page a
// repeat. A walk keeps the ids it yielded (memory grows with the listing, never past it).
//
// `toArray({ limit })` (stripe-node's `autoPagingToArray`) is that same walk, cut at `limit` items:
// the limit is required and at most 10 000, so that a listing larger than expected, or a server
// that invents new ids on every page, cannot fill memory or request pages without end.

import { HsrcpayAbortError, HsrcpayError } from "../errors/hsrcpay-error.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import type { ResponseMeta } from "./answer.js";
import { checkKnownOptions } from "./options.js";

/** One page of a list, with HSRCPAY's pagination numbers. */
export interface Page<T> extends AsyncIterable<T> {
  /** The items of this page that no earlier page of the same walk had (by `id`). */
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
   * Whether a next page is worth asking for: this page was not empty, the server counts more pages
   * and more items than the walk has had, and this page or the one before brought something new.
   */
  hasNextPage(): boolean;
  /** Fetches the next page; throws `HsrcpayError` when `hasNextPage()` is false. */
  getNextPage(): Promise<Page<T>>;
}

/** What `toArray` takes. */
export interface ToArrayOptions {
  /**
   * The most items to collect, a whole number from 1 to 10 000. Required: a listing larger than
   * expected must not fill memory. Pages stop being requested once it is reached. For a longer
   * listing, iterate with `for await`.
   * @example const payments = await hsrcpay.payments.list({ limit: 100 }).toArray({ limit: 1_000 });
   */
  limit: number;
}

/** The largest `toArray` limit (stripe-node's `autoPagingToArray` has the same cap). */
export const maxToArrayLimit = 10_000;

/** Awaitable as the first page; async-iterable over every item of every page. */
export interface PagePromise<T> extends PromiseLike<Page<T>>, AsyncIterable<T> {
  /**
   * Every item of every page, as iteration yields them, in one array of at most `limit` items.
   * Rejects with `HsrcpayValidationError` (field `toArray.limit`) before any request when `limit`
   * is missing or not a whole number from 1 to 10 000, and with the list's own error otherwise.
   * @example const keys = await hsrcpay.apiKeys.list({ account_id }).toArray({ limit: 500 });
   */
  toArray(options: ToArrayOptions): Promise<T[]>;
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

/** Ids an item can repeat under: its `id` where it has one, else the item itself. */
type Seen = Set<unknown>;

/** Where a page left its walk: the ids yielded up to and including it, and its run of dry pages. */
interface WalkState {
  /** Shared along the walk and only appended to; this page's ids are its first `count` entries. */
  seen: Seen;
  count: number;
  /** Pages in a row, ending with this one, that brought no id the walk had not had. */
  dry: number;
}

/** Two dry pages in a row end a walk (see the module comment for why one is let through). */
const maxDryPages = 2;

/**
 * `fetchPage(n)` requests page n. Nothing is requested until the result is awaited or iterated,
 * so a list that is never used cannot end in an unhandled rejection (nor can one whose params were
 * refused: pass a `fetchPage` that rejects with the refusal).
 */
export function pagePromise<T>(
  fetchPage: (page: number) => Promise<PageContent<T>>,
  firstPage: number,
  signal: AbortSignal | undefined,
  /** Skip items an earlier page had: a walk across pages. One unpaginated list is taken as sent. */
  walk = true,
): PagePromise<T> {
  const load = async (page: number, before: WalkState | undefined): Promise<Page<T>> => {
    if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
    return makePage(await fetchPage(page), page, before);
  };
  const makePage = (content: PageContent<T>, page: number, before: WalkState | undefined) => {
    const { data, meta, ...counts } = content;
    const seen = continueWalk(before);
    const fresh: T[] = [];
    for (const item of data) {
      const id = idOf(item);
      if (walk && seen.has(id)) continue;
      seen.add(id);
      fresh.push(item);
    }
    const state: WalkState = {
      seen,
      count: seen.size,
      dry: fresh.length > 0 ? 0 : (before?.dry ?? 0) + 1,
    };
    const hasNextPage = () =>
      data.length > 0 &&
      page < counts.pages &&
      state.count < counts.total &&
      state.dry < maxDryPages;
    const result = {
      data: fresh,
      ...counts,
      page,
      hasNextPage,
      getNextPage: () => {
        if (!hasNextPage())
          return Promise.reject(new HsrcpayError(`There is no page after ${page}`));
        return load(page + 1, state);
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
    toArray: (options) => toArray(options, () => items(undefined, start, signal)),
  };
}

/** The walk's items up to the limit; the walk is started only once the options are found good. */
async function toArray<T>(options: unknown, walk: () => AsyncIterable<T>): Promise<T[]> {
  const limit = toArrayLimit(options);
  const collected: T[] = [];
  for await (const item of walk()) {
    collected.push(item);
    // Leaving the loop here ends the walk before it asks for another page.
    if (collected.length >= limit) break;
  }
  return collected;
}

function toArrayLimit(options: unknown): number {
  const example = "toArray({ limit: 1000 })";
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new HsrcpayValidationError(
      "toArray",
      `takes an options object with the limit: ${example}`,
    );
  }
  let limit: unknown;
  try {
    checkKnownOptions(options, ["limit"], "toArray.");
    limit = (options as { limit?: unknown }).limit;
  } catch (error) {
    if (error instanceof HsrcpayValidationError) throw error;
    throw new HsrcpayValidationError("toArray.limit", "could not be read");
  }
  if (
    typeof limit !== "number" ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > maxToArrayLimit
  ) {
    throw new HsrcpayValidationError(
      "toArray.limit",
      `is required, a whole number from 1 to ${maxToArrayLimit} (${example}); iterate with for await to walk a longer list`,
    );
  }
  return limit;
}

/**
 * The ids seen before the next page: the walk's own set when that page is the first to go on from
 * `before` (the usual case, no copy), a copy of its first `count` ids when another page already
 * went on from it (a second `getNextPage()` on the same page).
 */
function continueWalk(before: WalkState | undefined): Seen {
  if (before === undefined) return new Set();
  if (before.seen.size === before.count) return before.seen;
  const copy: Seen = new Set();
  for (const id of before.seen) {
    if (copy.size === before.count) break;
    copy.add(id);
  }
  return copy;
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

function idOf(item: unknown): unknown {
  const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
  return id === undefined ? item : id;
}
