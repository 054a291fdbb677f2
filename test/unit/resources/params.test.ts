// The guards every operation's params share: a blank or malformed id, a dot segment, an unpaired
// surrogate and an unknown field are each refused before anything is sent, naming the field.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError } from "../../../src/index.js";
import { checkAccountId, checkFields, checkId } from "../../../src/resources/params.js";

const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    return (error as Error).message;
  }
  return undefined;
};

describe("checkAccountId", () => {
  it.each([undefined, null, "", " ", "\t\n"])("refuses %j, saying what it wants", (value) => {
    expect(messageOf(() => checkAccountId(value))).toBe(
      "account_id is required: the account's id (acct_…)",
    );
  });

  it.each([5, true, {}, ["acct_1"]])("refuses %j, saying it must be a string", (value) => {
    expect(messageOf(() => checkAccountId(value))).toBe(
      "account_id must be a string: the account's id (acct_…)",
    );
  });

  it("returns a well-formed id unchanged", () => {
    expect(checkAccountId("acct_1PqR7sT2uV3wX4yZ")).toBe("acct_1PqR7sT2uV3wX4yZ");
    expect(checkAccountId("acct_\uD83D\uDE00")).toBe("acct_\uD83D\uDE00");
  });

  it.each([
    ["a lone high surrogate before a letter", "acct_\uD800x"],
    ["a lone high surrogate at the end", "acct_\uD800"],
    ["a lone low surrogate after a letter", "acct_x\uDC00"],
    ["a lone low surrogate at the start", "\uDC00acct"],
    ["two high surrogates", "acct_\uD800\uD800"],
    ["a pair the wrong way round", "acct_\uDC00\uD800"],
  ])("refuses %s", (_, value) => {
    expect(messageOf(() => checkAccountId(value))).toBe(
      "account_id contains an unpaired UTF-16 surrogate",
    );
  });

  it("accepts exactly the strings that encodeURIComponent can encode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1 }), (value) => {
        fc.pre(value.trim() !== "");
        let encodable = true;
        try {
          encodeURIComponent(value);
        } catch {
          encodable = false;
        }
        expect(messageOf(() => checkAccountId(value)) === undefined).toBe(encodable);
      }),
    );
  });
});

describe("checkId", () => {
  it.each([undefined, "", "  "])("refuses %j, saying what it wants", (value) => {
    expect(messageOf(() => checkId(value))).toBe("id is required: the API key's id (key_…)");
  });

  it.each([".", ".."])("refuses the dot segment %j", (value) => {
    expect(messageOf(() => checkId(value))).toBe(
      "id cannot be . or .., which would change the path",
    );
  });

  it.each(["key_9xT2mQ4rL7vN1bZ8", "...", ".a", "a/b", "?#"])("accepts %j", (value) => {
    expect(checkId(value)).toBe(value);
  });

  it("refuses an id with a lone surrogate", () => {
    expect(messageOf(() => checkId("key_\uDFFF"))).toBe("id contains an unpaired UTF-16 surrogate");
  });
});

describe("checkFields", () => {
  const fields = { account_id: true, name: true } as const;

  it.each([null, "x", [], 5])("refuses params %j that are not an object", (params) => {
    expect(messageOf(() => checkFields(params, fields, "Do thing"))).toBe(
      "params must be an object",
    );
  });

  it("names the unknown field, the operation and the fields it has", () => {
    expect(messageOf(() => checkFields({ nme: "x" }, fields, "Do thing"))).toBe(
      "nme is not a field of Do thing (expected account_id, name)",
    );
  });

  it("returns the params themselves when every field is known", () => {
    const params = { name: "x" };
    expect(checkFields(params, fields, "Do thing")).toBe(params);
  });
});
