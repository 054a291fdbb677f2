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
