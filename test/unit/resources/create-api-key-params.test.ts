// prepareCreate: Create API key's params checked against the spec before anything is sent, each
// mistake named by its field.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError } from "../../../src/index.js";
import { isDateTime, prepareCreate } from "../../../src/resources/create-api-key-params.js";
import { params } from "../../helpers/fixtures.js";
import { validationFieldOf } from "../../helpers/rejection.js";

const fieldFor = (input: unknown) => validationFieldOf(() => prepareCreate(input));

describe("prepareCreate", () => {
  it("splits params into the account id and the JSON body", () => {
    const { query, json } = prepareCreate({
      ...params,
      expires_at: "2027-12-31T23:59:59Z",
      metadata: { team: "x" },
    });
    expect(query).toEqual({ account_id: params.account_id });
    expect(JSON.parse(json)).toEqual({
      name: "CI deploy",
      permissions: { payments: ["read"] },
      expires_at: "2027-12-31T23:59:59Z",
      metadata: { team: "x" },
    });
  });

  it("accepts an expiry of null and leaves optional fields out", () => {
    expect(JSON.parse(prepareCreate({ ...params, expires_at: null }).json)).toEqual({
      name: "CI deploy",
      permissions: { payments: ["read"] },
      expires_at: null,
    });
  });

  const cases: [string, unknown, string][] = [
    ["a missing account_id", { name: "n", permissions: {} }, "account_id"],
    ["an empty account_id", { account_id: "", name: "n", permissions: {} }, "account_id"],
    ["a blank account_id", { account_id: "  ", name: "n", permissions: {} }, "account_id"],
    ["a missing name", { account_id: "a", permissions: {} }, "name"],
    ["a numeric name", { account_id: "a", name: 5, permissions: {} }, "name"],
    ["missing permissions", { account_id: "a", name: "n" }, "permissions"],
    [
      "permissions as an array",
      { account_id: "a", name: "n", permissions: ["read"] },
      "permissions",
    ],
    [
      "a permission that is not a list",
      { account_id: "a", name: "n", permissions: { payments: "read" } },
      "permissions.payments",
    ],
    [
      "a permission action that is not a string",
      { account_id: "a", name: "n", permissions: { payments: ["read", 1] } },
      "permissions.payments[1]",
    ],
    [
      "an expiry that is not a date-time",
      { account_id: "a", name: "n", permissions: {}, expires_at: "next week" },
      "expires_at",
    ],
    [
      "metadata that is not an object",
      { account_id: "a", name: "n", permissions: {}, metadata: "x" },
      "metadata",
    ],
    [
      "a misspelled field",
      { account_id: "a", name: "n", permissions: {}, expires: null },
      "expires",
    ],
  ];
  it.each(cases)("rejects %s, naming the field", (_, input, field) => {
    let error: unknown;
    try {
      prepareCreate(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe(field);
    expect((error as Error).message.startsWith(`${field} `)).toBe(true);
  });

  it("rejects params that are not an object", () => {
    expect(fieldFor(null)).toBe("params");
    expect(fieldFor([params])).toBe("params");
  });

  it.each([
    ["__proto__ from JSON.parse", '{"__proto__":{"x":1}}', "__proto__"],
    ["constructor", '{"constructor":"x"}', "constructor"],
    ["toString", '{"toString":"x"}', "toString"],
  ])("rejects %s as a body field: own properties only", (_, extra, field) => {
    expect(fieldFor({ ...params, ...JSON.parse(extra) })).toBe(field);
  });

  it("rejects metadata that cannot be sent as JSON, instead of throwing a TypeError", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const metadata of [{ amount: 10n }, cyclic]) {
      expect(() => prepareCreate({ ...params, metadata })).toThrow(
        /^metadata cannot be sent as JSON/,
      );
    }
  });

  it("rejects an account_id with a lone surrogate, which cannot be URL-encoded", () => {
    expect(fieldFor({ ...params, account_id: "acct_\uDC00x" })).toBe("account_id");
    expect(fieldFor({ ...params, account_id: "acct_\uD83D\uDE00" })).toBeUndefined();
  });

  it("rejects holes in a permission list, which JSON would send as null", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(fieldFor({ ...params, permissions: { payments: ["read", , "write"] } })).toBe(
      "permissions.payments[1]",
    );
  });
});

describe("isDateTime: RFC 3339 as JSON Schema's format: date-time", () => {
  it.each([
    "2027-12-31T23:59:59Z",
    "2027-12-31t23:59:59z",
    "2027-12-31 23:59:59Z",
    "2028-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z",
    "2027-12-31T23:59:59.123456+05:30",
    "2027-12-31T23:59:60Z",
    "2027-12-31T18:59:60-05:00",
    "2028-01-01T00:59:60+01:00",
  ])("accepts %s", (value) => {
    expect(isDateTime(value)).toBe(true);
  });

  it.each([
    "2027-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2027-04-31T00:00:00Z",
    "2027-02-30T00:00:00Z",
    "2027-13-01T00:00:00Z",
    "2027-00-10T00:00:00Z",
    "2027-01-00T00:00:00Z",
    "2027-01-01T24:00:00Z",
    "2027-01-01T23:60:00Z",
    "2027-06-30T12:00:60Z",
    "2027-12-31T23:59:60+01:00",
    "2027-12-31T24:59:60+01:00",
    "2027-12-31T23:60:60+00:01",
    "2027-12-31T23:59:59+0530",
    "2027-01-01T00:00:00+24:00",
    "2027-01-01T00:00:00+01:60",
    "2027-01-01T00:00:00",
    "2027-01-01",
    "next week",
  ])("refuses %s", (value) => {
    expect(isDateTime(value)).toBe(false);
  });

  it("agrees with Date for every instant it can print", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
        (date) => {
          expect(isDateTime(date.toISOString())).toBe(true);
        },
      ),
    );
  });
});

describe("isDateTime: each part of the format", () => {
  it.each([
    "2027-01-01T00:00:00+23:00",
    "2027-01-01T00:00:00-23:59",
    "2027-01-01T00:00:00+00:59",
    "2027-01-31T00:00:00Z",
    "2027-03-31T00:00:00Z",
    "2027-12-31T00:00:00Z",
    "2027-11-30T00:00:00Z",
    "0000-02-29T00:00:00Z",
    "2027-01-01T00:00:00.5Z",
    "2027-01-01T00:00:00.123456789Z",
    "2027-01-01T00:00:00z",
  ])("accepts %s", (value) => {
    expect(isDateTime(value)).toBe(true);
  });

  it.each([
    ["a leading character", "x2027-12-31T23:59:59Z"],
    ["a trailing character", "2027-12-31T23:59:59Zx"],
    ["a trailing newline", "2027-12-31T23:59:59Z\n"],
    ["a 5-digit year", "20270-12-31T23:59:59Z"],
    ["a 3-digit year", "207-12-31T23:59:59Z"],
    ["a 1-digit month", "2027-1-01T00:00:00Z"],
    ["a 3-digit month", "2027-001-01T00:00:00Z"],
    ["a 1-digit day", "2027-01-1T00:00:00Z"],
    ["a 1-digit hour", "2027-01-01T0:00:00Z"],
    ["a 1-digit minute", "2027-01-01T00:0:00Z"],
    ["a 1-digit second", "2027-01-01T00:00:0Z"],
    ["letters for digits", "20a7-01-01T00:00:00Z"],
    ["a month of letters", "2027-ab-01T00:00:00Z"],
    ["a day of letters", "2027-01-abT00:00:00Z"],
    ["an hour of letters", "2027-01-01Tab:00:00Z"],
    ["a minute of letters", "2027-01-01T00:ab:00Z"],
    ["a second of letters", "2027-01-01T00:00:abZ"],
    ["a month of 13", "2027-13-01T00:00:00Z"],
    ["an X for the T", "2027-01-01X00:00:00Z"],
    ["no separator", "2027-01-0100:00:00Z"],
    ["a dot without digits", "2027-01-01T00:00:00.Z"],
    ["a fraction of letters", "2027-01-01T00:00:00.abZ"],
    ["a comma fraction", "2027-01-01T00:00:00,5Z"],
    ["a UTC letter other than Z", "2027-01-01T00:00:00A"],
    ["two Z", "2027-01-01T00:00:00ZZ"],
    ["an offset without a sign", "2027-01-01T00:00:00 01:00"],
    ["an offset with a star", "2027-01-01T00:00:00*01:00"],
    ["a 1-digit offset hour", "2027-01-01T00:00:00+1:00"],
    ["a 3-digit offset hour", "2027-01-01T00:00:00+001:00"],
    ["a 1-digit offset minute", "2027-01-01T00:00:00+01:0"],
    ["letters in the offset hour", "2027-01-01T00:00:00+ab:00"],
    ["letters in the offset minute", "2027-01-01T00:00:00+01:ab"],
    ["Z and an offset", "2027-01-01T00:00:00Z+01:00"],
  ])("refuses %s", (_, value) => {
    expect(isDateTime(value)).toBe(false);
  });

  it.each([
    [1, 31],
    [2, 28],
    [3, 31],
    [4, 30],
    [5, 31],
    [6, 30],
    [7, 31],
    [8, 31],
    [9, 30],
    [10, 31],
    [11, 30],
    [12, 31],
  ])("month %i of 2027 has %i days", (month, days) => {
    const at = (day: number) =>
      `2027-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T12:00:00Z`;
    expect(isDateTime(at(days))).toBe(true);
    expect(isDateTime(at(days + 1))).toBe(false);
  });
});

describe("isDateTime: leap seconds, at 23:59:60 UTC only", () => {
  it.each([
    ["UTC", "2027-12-31T23:59:60Z"],
    ["a whole-hour offset east, on the next day", "2028-01-01T00:59:60+01:00"],
    ["a whole-hour offset west", "2027-12-31T18:59:60-05:00"],
    ["a half-hour offset east, carrying the hour back", "2028-01-01T00:29:60+00:30"],
    ["a half-hour offset west, carrying the minute up", "2027-12-31T23:29:60-00:30"],
    ["a one-minute offset east at midnight", "2028-01-01T00:00:60+00:01"],
    ["India's offset", "2028-01-01T05:29:60+05:30"],
    ["a fraction", "2027-12-31T23:59:60.5Z"],
  ])("accepts one with %s", (_, value) => {
    expect(isDateTime(value)).toBe(true);
  });

  it.each([
    ["at 23:58:60 UTC", "2027-12-31T23:58:60Z"],
    ["at 22:59:60 UTC", "2027-12-31T22:59:60Z"],
    ["at 23:59:61 UTC", "2027-12-31T23:59:61Z"],
    ["at 23:59:99 UTC", "2027-12-31T23:59:99Z"],
    ["at 23:59:60 local, east", "2027-12-31T23:59:60+01:00"],
    ["at 23:59:60 local, one minute west", "2027-12-31T23:59:60-00:01"],
    ["at 00:59:60-01:00 (01:59:60 UTC)", "2028-01-01T00:59:60-01:00"],
    ["a half-hour offset the wrong way", "2028-01-01T00:29:60-00:30"],
    ["a half-hour offset that lands on 23:58", "2027-12-31T23:28:60-00:30"],
    ["a minute offset that lands on 00:00", "2028-01-01T00:01:60+00:01"],
    ["at 00:00:60 UTC", "2028-01-01T00:00:60Z"],
  ])("refuses one %s", (_, value) => {
    expect(isDateTime(value)).toBe(false);
  });
});

describe("prepareCreate: what each refusal says", () => {
  const messageOf = (input: unknown) => {
    try {
      prepareCreate(input);
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  };

  it.each([
    [{ account_id: "a", permissions: {} }, "name is required and must be a string"],
    [
      { ...params, expires: null },
      "expires is not a field of Create API key (expected account_id, name, permissions, expires_at, metadata)",
    ],
    [
      { ...params, expires_at: "next week" },
      "expires_at must be an RFC 3339 date-time string (2027-12-31T23:59:59Z) or null",
    ],
    [{ ...params, metadata: "x" }, "metadata must be an object"],
    [
      { ...params, permissions: ["read"] },
      "permissions is required: an object mapping each resource to a list of actions",
    ],
    [
      { ...params, permissions: { payments: "read" } },
      "permissions.payments must be an array of strings",
    ],
    [
      { ...params, permissions: { payments: ["read", 1] } },
      "permissions.payments[1] must be a string",
    ],
    [{ ...params, account_id: " " }, "account_id is required: the account's id (acct_…)"],
  ])("refuses %j saying so", (input, message) => {
    expect(messageOf(input)).toBe(message);
  });

  it.each([
    ["a String object", new String("2027-12-31T23:59:59Z")],
    ["an object that prints as a date-time", { toString: () => "2027-12-31T23:59:59Z" }],
    ["a number", 20271231],
    ["a Date", new Date("2027-12-31T23:59:59Z")],
  ])("refuses %s as expires_at: only a string is a date-time", (_, expires_at) => {
    expect(fieldFor({ ...params, expires_at })).toBe("expires_at");
  });

  it("accepts params without an expiry or metadata", () => {
    expect(JSON.parse(prepareCreate(params).json)).toEqual({
      name: "CI deploy",
      permissions: { payments: ["read"] },
    });
  });
});
