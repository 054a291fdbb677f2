// prepareList: List API keys' query checked as the spec states it (`page` 1 or more, `limit` 1 to
// 100, `managed` a boolean), with what was left out left out of the query.
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError } from "../../../src/index.js";
import { prepareList } from "../../../src/resources/list-api-keys-params.js";

const account_id = "acct_1PqR7sT2uV3wX4yZ";

const messageOf = (input: unknown) => {
  try {
    prepareList(input);
  } catch (error) {
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    return (error as Error).message;
  }
  return undefined;
};

describe("prepareList", () => {
  it("starts at page 1 and leaves limit and managed out when not given", () => {
    const query = prepareList({ account_id });
    expect(query).toStrictEqual({ account_id, page: 1 });
    expect(Object.keys(query)).toEqual(["account_id", "page"]);
  });

  it("passes page, limit and managed through", () => {
    expect(prepareList({ account_id, page: 3, limit: 100, managed: false })).toStrictEqual({
      account_id,
      page: 3,
      limit: 100,
      managed: false,
    });
  });

  it.each([
    [{ page: 1 }, undefined],
    [{ page: Number.MAX_SAFE_INTEGER }, undefined],
    [{ page: 0 }, `page must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`],
    [{ page: 1.5 }, `page must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`],
    [{ page: "2" }, `page must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`],
    [{ limit: 1 }, undefined],
    [{ limit: 100 }, undefined],
    [{ limit: 0 }, "limit must be a whole number from 1 to 100"],
    [{ limit: 101 }, "limit must be a whole number from 1 to 100"],
    [{ limit: Number.NaN }, "limit must be a whole number from 1 to 100"],
    [{ managed: true }, undefined],
    [{ managed: "true" }, "managed must be true, false or left out"],
    [{ managed: null }, "managed must be true, false or left out"],
    [
      { pages: 2 },
      "pages is not a field of List API keys (expected account_id, page, limit, managed)",
    ],
    [{ account_id: "" }, "account_id is required: the account's id (acct_…)"],
  ])("with %j: %s", (extra, message) => {
    expect(messageOf({ account_id, ...extra })).toBe(message);
  });
});
