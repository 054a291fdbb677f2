// The client's request checks and the spec agree, for every operation: params drawn around each
// operation's schema (valid values from its examples, wrong types, bounds, blanks, dot segments,
// lone surrogates, unknown and missing fields) are judged by ajv against the spec, and sent or
// refused by the client through the one operation helper and the resource methods' request
// builder (`sender`). The written policy (CONTRIBUTING.md, "Request checks") allows exactly two
// differences:
// - a value only `format` refuses (a calendar date, an email) goes out: the server judges meaning;
// - what cannot go on the wire exactly is refused although JSON Schema allows it: a string with a
//   lone UTF-16 surrogate (no UTF-8 for it), a whole number past 2^53 (it would go out rounded, or
//   as `1e+21`).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HsrcpayValidationError } from "../../src/index.js";
import { createCall, type Method } from "../../src/internal/operation.js";
import { createApi } from "../../src/internal/typed-api.js";
import { rejectionOf } from "../helpers/rejection.js";
import { type LocatedOperation, operations, type Schema, schemaErrors } from "../helpers/spec.js";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A client whose fetch only counts: whether a request went out is all these tests ask. */
function countingCall() {
  const sent: string[] = [];
  const fetch = async (url: string | URL | Request) => {
    sent.push(String(url));
    return new Response("{}", { status: 500 });
  };
  const { sender } = createApi(
    {
      fetch: fetch as typeof globalThis.fetch,
      token: () => "sk_test_agreement000000000000",
      maxRetries: 0,
      timeoutMs: 5_000,
      maxResponseBytes: 1_048_576,
    },
    "https://api.test/v1",
  );
  return { call: createCall(sender), sent };
}

interface Field {
  name: string;
  schema: Schema;
  required: boolean;
  in: "path" | "query" | "body";
  examples: unknown[];
}

function fieldsOf(operation: LocatedOperation): { fields: Field[]; body: Schema | undefined } {
  const fields: Field[] = [];
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    const example = (parameter as { example?: unknown }).example;
    fields.push({
      name: parameter.name,
      schema: parameter.schema,
      required: parameter.required === true,
      in: parameter.in,
      examples: example === undefined ? [] : [example],
    });
  }
  const media = operation.requestBody?.content["application/json"];
  const body = media?.schema;
  const bodyExamples = Object.values(media?.examples ?? {}).map((e) => e.value as Schema);
  const required = new Set((body?.required ?? []) as string[]);
  for (const [name, schema] of Object.entries((body?.properties ?? {}) as Record<string, Schema>)) {
    const examples = [
      ...bodyExamples.map((example) => example[name]).filter((v) => v !== undefined),
      ...((schema.examples ?? []) as unknown[]),
    ];
    fields.push({ name, schema, required: required.has(name), in: "body", examples });
  }
  return { fields, body };
}

/** What the spec says of params: the errors ajv finds in each parameter and in the body. */
function specErrors(fields: Field[], body: Schema | undefined, params: Record<string, unknown>) {
  const errors: string[] = [];
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(params)) {
    if (!known.has(name) && params[name] !== undefined) errors.push(`${name} is unknown`);
  }
  for (const field of fields.filter((f) => f.in !== "body")) {
    const value = params[field.name];
    if (value === undefined) {
      if (field.required) errors.push(`${field.name} is required`);
    } else errors.push(...schemaErrors(field.schema, value).map((e) => `${field.name}${e}`));
  }
  if (body) {
    const sent = Object.fromEntries(
      fields
        .filter((f) => f.in === "body" && params[f.name] !== undefined)
        .map((f) => [f.name, params[f.name]]),
    );
    errors.push(...schemaErrors(body, sent));
  }
  return errors;
}

/** Values around a field's schema: its examples, and what a caller gets wrong. */
function valuesFor(field: Field): fc.Arbitrary<unknown> {
  const wrong: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(
      "",
      " ",
      ".",
      "..",
      "x",
      "acct/1?#",
      "\uD800",
      "a\uDC00b",
      "2027-02-30T00:00:00Z",
    ),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(0, -1, 1, 100, 101, 1.5, Number.NaN, 2 ** 53),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom({}, { a: ["x"] }, { a: [1] }, { a: "x" }),
    // A sparse array: its hole would go out as null.
    fc.constantFrom([], ["x"], [1], Object.assign(["a"], { 2: "b" })),
  ];
  // Valid values half of the time, so that a call with every field right is drawn often enough.
  const examples =
    field.examples.length > 0 ? [{ arbitrary: fc.constantFrom(...field.examples), weight: 8 }] : [];
  // An optional field is left out as often as it is given right, so that an operation with many of
  // them (Create customer address has nine) still reaches a valid call often.
  const leftOut = { arbitrary: fc.constant(undefined), weight: field.required ? 1 : 8 };
  return fc.oneof(leftOut, ...examples, ...wrong.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

const all = operations();

describe("the client's checks and the spec agree", () => {
  it("covers every operation of the spec", () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
  });

  for (const operation of all) {
    const { fields, body } = fieldsOf(operation);
    it(`${operation.operationId}: sends what the spec allows, refuses what it forbids (but format)`, async () => {
      const seen = { sent: 0, refused: 0 };
      const drawn = fc.record(
        {
          ...Object.fromEntries(fields.map((field) => [field.name, valuesFor(field)])),
          unknown_field: fc.constantFrom(undefined, undefined, undefined, "x"),
        },
        { requiredKeys: [] },
      );
      // With a dozen optional fields a call with every one right is rarely drawn: one draw in four
      // takes each field from its examples or leaves it out, so valid calls are always tried too.
      const examples = fc.record(
        Object.fromEntries(
          fields.map((field) => [
            field.name,
            field.examples.length > 0
              ? fc.constantFrom(...field.examples, ...(field.required ? [] : [undefined]))
              : fc.constant(undefined),
          ]),
        ),
        { requiredKeys: [] },
      );
      const params = fc.oneof({ arbitrary: drawn, weight: 3 }, { arbitrary: examples, weight: 1 });
      await fc.assert(
        fc.asyncProperty(params, async (drawn) => {
          const { call, sent } = countingCall();
          const errors = specErrors(fields, body, drawn);
          const method = operation.method.toLowerCase() as Method;
          const outcome = await rejectionOf(
            (call as (...args: unknown[]) => PromiseLike<unknown>)(method, operation.path, drawn),
          );
          const refused = sent.length === 0;
          const lone = Object.values(drawn).some(
            (value) =>
              (typeof value === "string" && loneSurrogate.test(value)) ||
              (typeof value === "number" &&
                // NaN and the infinities JSON would send as null; whole numbers past 2^53 rounded.
                (!Number.isFinite(value) ||
                  (Number.isInteger(value) && !Number.isSafeInteger(value)))),
          );
          if (refused) {
            expect(outcome).toBeInstanceOf(HsrcpayValidationError);
            seen.refused++;
            if (errors.length === 0) expect(lone, JSON.stringify(drawn)).toBe(true);
          } else {
            seen.sent++;
            const beyondFormat = errors.filter((error) => !/must match format/.test(error));
            expect(beyondFormat, `${JSON.stringify(drawn)} went out`).toEqual([]);
          }
        }),
        { numRuns: 150 },
      );
      // Both sides of the boundary were reached.
      expect(seen.refused).toBeGreaterThan(0);
      if (fields.some((f) => f.required || f.examples.length > 0)) {
        expect(seen.sent).toBeGreaterThan(0);
      }
    });
  }
});
