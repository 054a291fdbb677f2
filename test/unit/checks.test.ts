// The generic request checker: each keyword the generator keeps, and the words each refusal uses.
// That the checker and the spec agree on every operation is test/spec/checks-agree.test.ts.
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError } from "../../src/index.js";
import { check, type Rule } from "../../src/internal/checks.js";

/** The refusal's message, or undefined when `value` passes. */
function refusal(value: unknown, rule: Rule, field = "f"): string | undefined {
  try {
    check(value, rule, field, "Do thing");
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    return (error as Error).message;
  }
}

describe("types", () => {
  it.each([
    ["string", "x", 1, "f must be a string"],
    ["integer", 3, 1.5, "f must be a whole number"],
    ["number", 1.5, Number.NaN, "f must be a finite number"],
    ["number", 2, Number.POSITIVE_INFINITY, "f must be a finite number"],
    ["boolean", false, "false", "f must be true or false"],
    ["object", {}, [], "f must be an object"],
    ["array", [], {}, "f must be an array"],
  ])("%s accepts %j and refuses %j", (type, good, bad, message) => {
    expect(refusal(good, { type })).toBeUndefined();
    expect(refusal(bad, { type })).toBe(message);
  });

  it("a union names every type it takes", () => {
    expect(refusal(null, { type: ["string", "null"] })).toBeUndefined();
    expect(refusal(1, { type: ["string", "null"] })).toBe("f must be a string or null");
  });

  it("refuses what JSON cannot carry, whatever the rule", () => {
    expect(refusal(undefined, { type: "string" })).toBe("f must be a string");
    expect(refusal(() => 1, { type: "object" })).toBe("f must be an object");
    expect(refusal(10n, { type: "integer" })).toBe("f must be a whole number");
  });
});

describe("strings", () => {
  it.each([
    [{ minLength: 1 }, "", "f must not be empty"],
    [{ minLength: 3 }, "ab", "f must be at least 3 characters"],
    [{ maxLength: 2 }, "abc", "f must be at most 2 characters"],
    [{ pattern: "\\S" }, "  ", "f must not be blank"],
    [{ pattern: "^a+$" }, "ab", "f must match the pattern ^a+$"],
    [{}, "a\uD800", "f contains an unpaired UTF-16 surrogate"],
  ])("%j refuses %j", (rule, value, message) => {
    expect(refusal(value, rule)).toBe(message);
  });

  it("counts characters as JSON Schema does: a surrogate pair is one", () => {
    expect(refusal("😀", { maxLength: 1 })).toBeUndefined();
    expect(refusal("😀😀", { maxLength: 1 })).toBe("f must be at most 1 characters");
  });
});

describe("numbers", () => {
  it.each([
    [{ type: "integer", minimum: 1, maximum: 100 }, 0, "f must be a whole number from 1 to 100"],
    [{ type: "integer", minimum: 1, maximum: 100 }, 101, "f must be a whole number from 1 to 100"],
    [{ type: "integer", minimum: 1 }, 0, "f must be a whole number from 1"],
    [{ type: "number", exclusiveMinimum: 0 }, 0, "f must be a number above 0"],
    [{ type: "number", exclusiveMaximum: 5 }, 5, "f must be a number below 5"],
  ])("%j refuses %j", (rule, value, message) => {
    expect(refusal(value, rule)).toBe(message);
  });

  it.each([1, 100, 50])("accepts %j within the bounds", (value) => {
    expect(refusal(value, { type: "integer", minimum: 1, maximum: 100 })).toBeUndefined();
  });
});

describe("enums, arrays, objects", () => {
  it("a closed enum names its values", () => {
    expect(refusal("c", { enum: ["a", "b"] })).toBe('f must be one of "a", "b"');
  });

  it("names the index of a bad item, holes of a sparse array included", () => {
    const rule: Rule = { type: "array", items: { type: "string" } };
    expect(refusal(["a", 1], rule)).toBe("f[1] must be a string");
    // biome-ignore lint/suspicious/noSparseArray: a hole is what JSON would send as null
    expect(refusal(["a", , "b"], rule)).toBe("f[1] must be a string");
  });

  it("required fields, unknown fields (own properties only), and nested paths", () => {
    const rule: Rule = {
      type: "object",
      properties: { a: { type: "string" }, b: { type: "object", additionalProperties: false } },
      required: ["a"],
      additionalProperties: false,
    };
    expect(refusal({}, rule, "")).toBe("a is required");
    expect(refusal({ a: undefined }, rule, "")).toBe("a is required");
    expect(refusal({ a: "x", c: 1 }, rule, "")).toBe(
      "c is not a field of Do thing (expected a, b)",
    );
    expect(refusal(JSON.parse('{"a":"x","__proto__":1}'), rule, "")).toMatch(/^__proto__ is not/);
    expect(refusal({ a: "x", b: { z: 1 } }, rule, "")).toBe("b.z is not a field of Do thing");
    expect(refusal({ a: "x", c: undefined }, rule, "")).toBeUndefined();
  });

  it("additionalProperties as a rule checks every value under it", () => {
    const rule: Rule = {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
    };
    expect(refusal({ payments: ["read"] }, rule, "permissions")).toBeUndefined();
    expect(refusal({ payments: "read" }, rule, "permissions")).toBe(
      "permissions.payments must be an array",
    );
  });

  it("oneOf of required sets: exactly one", () => {
    const rule: Rule = { oneOf: [{ required: ["a"] }, { required: ["b"] }] };
    expect(refusal({ a: 1 }, rule, "")).toBeUndefined();
    expect(refusal({ b: 1 }, rule, "")).toBeUndefined();
    expect(refusal({}, rule, "")).toBe("params must have exactly one of: a, b");
    expect(refusal({ a: 1, b: 1 }, rule, "")).toBe("params must have exactly one of: a, b");
  });

  it("oneOf of closed forms: the one form whose required fields are there names what is wrong in it", () => {
    const card: Rule = {
      type: "object",
      required: ["data"],
      additionalProperties: false,
      properties: {
        data: {
          type: "object",
          required: ["pan"],
          additionalProperties: false,
          properties: { pan: { type: "string", pattern: "^[0-9]{12,19}$" } },
        },
      },
    };
    const saved: Rule = {
      type: "object",
      required: ["id"],
      additionalProperties: false,
      properties: { id: { type: "string" } },
    };
    const rule: Rule = { oneOf: [saved, card] };
    expect(refusal({ data: { pan: "4111111111111111" } }, rule, "pm")).toBeUndefined();
    expect(refusal({ data: { pan: "4111 1111" } }, rule, "pm")).toBe(
      "pm.data.pan must match the pattern ^[0-9]{12,19}$",
    );
    expect(refusal({ data: { pan: "4111111111111111", cvvv: "1" } }, rule, "pm")).toBe(
      "pm.data.cvvv is not a field of Do thing (expected pan)",
    );
    expect(refusal({ id: 1 }, rule, "pm")).toBe("pm.id must be a string");
    // Both forms' fields, or neither's: the forms themselves are what is wrong.
    expect(refusal({ id: "pm_1", data: {} }, rule, "pm")).toBe(
      "pm must have exactly one of: id, data",
    );
    expect(refusal({}, rule, "pm")).toBe("pm must have exactly one of: id, data");
    expect(refusal("pm_1", rule, "pm")).toBe("pm must have exactly one of: id, data");
  });

  it("minItems and maxItems bound an array's length", () => {
    const rule: Rule = { type: "array", minItems: 2, maxItems: 3, items: { type: "string" } };
    expect(refusal(["a"], rule)).toBe("f must have at least 2 items");
    expect(refusal(["a", "b"], rule)).toBeUndefined();
    expect(refusal(["a", "b", "c"], rule)).toBeUndefined();
    expect(refusal(["a", "b", "c", "d"], rule)).toBe("f must have at most 3 items");
    expect(refusal("ab", { minItems: 3 })).toBeUndefined(); // a string is not an array
  });

  it("anyOf (an open enum): any branch will do", () => {
    const rule: Rule = { anyOf: [{ enum: ["SECRET"] }, { type: "string" }] };
    expect(refusal("OTHER", rule)).toBeUndefined();
    expect(refusal(1, rule)).toBe("f matches none of the forms the spec allows");
  });
});
