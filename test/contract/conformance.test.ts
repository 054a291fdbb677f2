// Requests the client builds are in spec (no-violations.ts checks every exchange), for hand-picked
// edge cases and for generated params; what the client hands back from Prism's generated responses
// is the body's data, and a body the spec rejects is refused; the client and the spec's
// `format: date-time` agree on which expiries may be sent.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CreateApiKeyParams,
  createHsrcpayClient,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
} from "../../src/index.js";
import { params, token } from "../helpers/fixtures.js";
import { created, json, observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";
import { seedFixtures } from "../helpers/seed-page.js";
import { dataSchema, requestMediaType, responseMediaType, schemaErrors } from "../helpers/spec.js";
import { contractClient } from "./observed-client.js";

const operationId = "createApiKey";
const requestSchema = requestMediaType(operationId).schema;
const patternOf = (field: string) =>
  ((requestSchema.properties as Record<string, { pattern: string }>)[field] as { pattern: string })
    .pattern;
const { account_id: _accountId, ...body } = params;

/** A client over an injected fetch that answers every request with `answer`. */
function clientAnswering(answer: () => Response) {
  const fetch = observedFetch(answer);
  const hsrcpay = createHsrcpayClient({
    token,
    fetch,
    maxRetries: 0,
    baseUrl: "https://api.test/v1",
  });
  return { hsrcpay, fetch };
}

// RFC 3339 §5.6 date-times built from parts that may each be out of range, in every shape the RFC
// allows: T, t or a space between date and time, Z, z or a ±hh:mm offset, fractions of 1 to 9 digits.
const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const offset = fc
  .record({
    sign: fc.constantFrom("+", "-"),
    hours: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constant(24)),
    minutes: fc.oneof(fc.constantFrom(0, 30, 45, 59), fc.integer({ min: 0, max: 60 })),
  })
  .map(({ sign, hours, minutes }) => `${sign}${pad(hours)}:${pad(minutes)}`);
const builtDateTime = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1970, max: 2100 }), fc.constantFrom(0, 1900, 2000, 9999)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32)),
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constant(24)),
    minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constant(60)),
    second: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(60, 61)),
    fraction: fc.oneof(fc.constant(""), fc.stringMatching(/^\.\d{1,9}$/)),
    separator: fc.constantFrom("T", "t", " "),
    zone: fc.oneof(fc.constantFrom("Z", "z"), offset),
  })
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}${p.separator}` +
      `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.fraction}${p.zone}`,
  );
// Hand-picked edges: leap days and leap seconds (in UTC, or wherever an offset puts 23:59:60Z),
// impossible dates and times, and shapes RFC 3339 does not have.
const edgeDateTime = fc.constantFrom(
  "2024-02-29T00:00:00Z",
  "2000-02-29T12:00:00Z",
  "2027-02-29T00:00:00Z",
  "1900-02-29T00:00:00Z",
  "2027-02-30T00:00:00Z",
  "2027-04-31T00:00:00Z",
  "2027-13-01T00:00:00Z",
  "2027-00-10T00:00:00Z",
  "2027-12-31T23:59:60Z",
  "2027-12-31t23:59:60.5z",
  "2027-12-31T18:29:60-05:30",
  "2028-01-01T05:29:60+05:30",
  "2027-12-31T23:59:60+05:30",
  "2027-12-31T12:00:60Z",
  "2027-12-31T24:00:00Z",
  "2027-12-31T23:59:59.123456789+14:00",
  "2027-12-31T23:59:59-00:00",
  "2027-12-31T23:59:59+24:00",
  "2027-12-31T23:59:59",
  "2027-12-31",
  "2027-12-31T23:59Z",
  "2027-12-31T23:59:59.Z",
  "2027-12-31T23:59:59,5Z",
  "2027-12-31T23:59:59Z ",
  "2027-12-31TT23:59:59Z",
  "27-12-31T23:59:59Z",
  "+02027-12-31T23:59:59Z",
  "2027-12-31T23:59:59+05:3",
);
const dateTimeCandidate = fc.oneof(builtDateTime, edgeDateTime);

/** Legal date-times only, in the shapes the mock's own (older) ajv-formats also accepts. */
const legalDateTime = builtDateTime.filter(
  (value) => schemaErrors(requestSchema, { ...body, expires_at: value }).length === 0,
);

describe("requests the client makes are in spec", () => {
  it.each<[string, CreateApiKeyParams, { idempotencyKey?: string }]>([
    [
      "the optional fields",
      {
        account_id: "acct_1",
        name: "CI",
        permissions: { payments: ["read"] },
        expires_at: "2027-12-31T23:59:59Z",
        metadata: { team: "platform", n: 1, nested: { a: [true, null] } },
      },
      {},
    ],
    ["a null expiry", { account_id: "acct_1", name: "CI", permissions: {}, expires_at: null }, {}],
    [
      "an expiry with an offset, a fraction and lower-case letters",
      {
        account_id: "acct_1",
        name: "CI",
        permissions: {},
        expires_at: "2027-12-31t23:59:59.123456+05:30",
      },
      {},
    ],
    [
      "an expiry on a leap second",
      { account_id: "acct_1", name: "CI", permissions: {}, expires_at: "2027-12-31T23:59:60Z" },
      {},
    ],
    [
      "an Idempotency-Key of the caller's",
      { account_id: "acct_1", name: "CI", permissions: { refunds: [] } },
      { idempotencyKey: "deploy-2026-11-26" },
    ],
    [
      "an account_id with reserved URL characters",
      { account_id: "acct/1&x=2?#%", name: "CI", permissions: {} },
      {},
    ],
    [
      "a unicode name",
      { account_id: "acct_1", name: "Déploiement ✓ 键 🚀", permissions: { paiements: ["lire"] } },
      {},
    ],
  ])("with %s", async (_, input, options) => {
    const { hsrcpay, exchanges } = contractClient();
    const apiKey = await hsrcpay.apiKeys.create(input, options);
    expect(apiKey.object).toBe("api_key");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.violations).toBeNull();
    if (options.idempotencyKey)
      expect(exchanges[0]?.requestHeaders.get("idempotency-key")).toBe(options.idempotencyKey);
  });

  it("accepts the seed page's own example request", async () => {
    const { hsrcpay, exchanges } = contractClient();
    const seedRequest = seedFixtures().request as Omit<CreateApiKeyParams, "account_id">;
    const apiKey = await hsrcpay.apiKeys.create({ account_id: "string", ...seedRequest });
    expect(apiKey.lastResponse.status).toBe(200);
    expect(exchanges[0]?.violations).toBeNull();
  });

  it("property: any params within the spec's constraints are accepted and give a typed result", async () => {
    const { hsrcpay, exchanges } = contractClient();
    const word = fc.string({ minLength: 1, maxLength: 20, unit: "grapheme" });
    const generated = fc.record(
      {
        account_id: word.filter((id) => /\S/.test(id)),
        name: fc.string({ maxLength: 40, unit: "grapheme" }),
        permissions: fc.dictionary(word, fc.array(word, { maxLength: 4 }), { maxKeys: 4 }),
        // Leap seconds are left to the test above: the mock's ajv-formats 2 takes 23:59:60 only
        // as local time, and flags a leap second at an offset (05:29:60+05:30) that RFC 3339 allows.
        expires_at: fc.option(legalDateTime.filter((value) => !/:60/.test(value))),
        metadata: fc.dictionary(word, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      },
      { requiredKeys: ["account_id", "name", "permissions"] },
    );
    await fc.assert(
      fc.asyncProperty(generated, async (input) => {
        const apiKey = await hsrcpay.apiKeys.create(input as CreateApiKeyParams);
        expect(typeof apiKey.id).toBe("string");
        expect(exchanges.at(-1)?.violations).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe("the client and the spec agree on expires_at", () => {
  // By the written policy (CONTRIBUTING.md, "Request checks"), the client checks the spec's pattern
  // and leaves `format: date-time` (the calendar) to the server.
  it("property: the client refuses, sending nothing, exactly the expiries the spec's pattern rejects; the ones only the format rejects go out", async () => {
    const seen = { sent: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(dateTimeCandidate, async (expiresAt) => {
        const specErrors = schemaErrors(requestSchema, { ...body, expires_at: expiresAt });
        const { hsrcpay, fetch } = clientAnswering(() => created());
        const call = hsrcpay.apiKeys.create({ ...params, expires_at: expiresAt });
        const patternErrors = specErrors.filter((error) => /must match pattern/.test(error));
        if (patternErrors.length === 0) {
          for (const error of specErrors) expect(error).toMatch(/^\/expires_at must match format/);
          await call;
          expect(JSON.parse(fetch.calls[0]?.body ?? "").expires_at).toBe(expiresAt);
          seen.sent++;
        } else {
          const error = await rejectionOf(call);
          expect(error).toBeInstanceOf(HsrcpayValidationError);
          expect(error).toHaveProperty("field", "expires_at");
          expect(fetch.calls).toHaveLength(0);
          seen.refused++;
        }
      }),
      { numRuns: 500 },
    );
    // Both sides of the boundary were reached.
    expect(seen.sent).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(50);
  });

  // ajv-formats 3 alone reads `format: date-time` more loosely than RFC 3339 §5.6 (offsets as
  // `[+-]hh(:?mm)?`, any whitespace for the `T`, hour 24 or minute 60 with a leap second at an
  // offset); the spec's pattern keeps it to the RFC, as the client does, so both refuse these.
  it.each([
    ["an offset without a colon", "2027-12-31T23:59:59+0530"],
    ["an offset of hours only", "2027-12-31T23:59:59+05"],
    ["a tab between date and time", "2027-12-31\t23:59:59Z"],
    ["a line feed between date and time", "2027-12-31\n23:59:59Z"],
    ["a no-break space between date and time", "2027-12-31\u00a023:59:59Z"],
    ["hour 24 with a leap second at an offset", "2027-12-31T24:59:60+01:00"],
    ["minute 60 with a leap second at an offset", "2027-12-31T23:60:60+00:01"],
  ])("the client and the spec both refuse %s", async (_, expiresAt) => {
    const errors = schemaErrors(requestSchema, { ...body, expires_at: expiresAt });
    expect(errors).toContain(`/expires_at must match pattern "${patternOf("expires_at")}"`);
    const { hsrcpay, fetch } = clientAnswering(() => created());
    const error = await rejectionOf(hsrcpay.apiKeys.create({ ...params, expires_at: expiresAt }));
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect(error).toHaveProperty("field", "expires_at");
    expect(fetch.calls).toHaveLength(0);
  });
});

describe("Prism's generated responses", () => {
  interface Generated {
    seed: number;
    status: number;
    /** The envelope as Prism sent it. */
    raw: { data: unknown };
    /** What the client gave back, as JSON (lastResponse is not enumerable). */
    given: unknown;
    givenStatus: number;
  }
  const generated: Generated[] = [];

  beforeAll(async () => {
    const { hsrcpay, exchanges } = contractClient();
    for (let seed = 1; seed <= 50; seed++) {
      const status = seed % 2 ? 200 : 201;
      const apiKey = await hsrcpay.apiKeys.create(params, {
        headers: { Prefer: `code=${status}, dynamic=true, seed=${seed}` },
      });
      generated.push({
        seed,
        status,
        raw: JSON.parse(exchanges.at(-1)?.body ?? ""),
        given: JSON.parse(JSON.stringify(apiKey)),
        givenStatus: apiKey.lastResponse.status,
      });
    }
  });

  it("fit the spec, and the client gives back exactly their data, for 50 seeds", () => {
    expect(generated).toHaveLength(50);
    for (const { seed, status, raw, given, givenStatus } of generated) {
      expect(
        schemaErrors(dataSchema(operationId, String(status)), raw.data),
        `seed ${seed}`,
      ).toEqual([]);
      expect(given, `seed ${seed}`).toEqual(raw.data);
      expect(givenStatus).toBe(status);
    }
  });

  // Ways a body can lack what a user needs from it, each out of spec.
  it.each<[string, (envelope: { data: unknown }) => { data: unknown }]>([
    ["data without id", ({ data }) => ({ data: { ...(data as object), id: undefined } })],
    ["data without key", ({ data }) => ({ data: { ...(data as object), key: undefined } })],
    ["a numeric id", ({ data }) => ({ data: { ...(data as object), id: 42 } })],
    ["a null key", ({ data }) => ({ data: { ...(data as object), key: null } })],
    ["null data", () => ({ data: null })],
    ["data in an array", ({ data }) => ({ data: [data] })],
    ["data that is only the key", ({ data }) => ({ data: (data as { key: unknown }).key })],
    ["no data at all", () => ({ data: undefined })],
  ])("with %s, are refused as an invalid response", async (_, breakage) => {
    for (const { seed, status, raw } of generated) {
      const broken = JSON.parse(JSON.stringify({ ...raw, ...breakage(raw) }));
      const { schema } = responseMediaType(operationId, String(status));
      expect(schemaErrors(schema, broken), `seed ${seed} is out of spec`).not.toEqual([]);
      const { hsrcpay } = clientAnswering(() => json(status, broken));
      const error = await rejectionOf(hsrcpay.apiKeys.create(params));
      expect(error, `seed ${seed}`).toBeInstanceOf(HsrcpayInvalidResponseError);
      expect(error).toHaveProperty("status", status);
    }
  });
});
