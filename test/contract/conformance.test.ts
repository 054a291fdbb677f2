// Requests the client builds are in spec (no-violations.ts checks every exchange), for hand-picked
// edge cases and for generated params; Prism's generated responses always parse into an ApiKey.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CreateApiKeyParams } from "../../src/index.js";
import { seedFixtures } from "../helpers/seed-page.js";
import {
  createApiKeyOperation,
  loadSpec,
  responseMediaType,
  schemaErrors,
} from "../helpers/spec.js";
import { contractClient } from "./observed-client.js";

const operation = createApiKeyOperation(loadSpec());
const apiKeySchema = (
  responseMediaType("201", operation).schema.properties as Record<string, object>
).data as Record<string, unknown>;

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
    const params = fc.record(
      {
        account_id: word.filter((id) => /\S/.test(id)),
        name: fc.string({ maxLength: 40, unit: "grapheme" }),
        permissions: fc.dictionary(word, fc.array(word, { maxLength: 4 }), { maxKeys: 4 }),
        expires_at: fc.option(
          fc
            .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
            .map((d) => d.toISOString()),
        ),
        metadata: fc.dictionary(word, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      },
      { requiredKeys: ["account_id", "name", "permissions"] },
    );
    await fc.assert(
      fc.asyncProperty(params, async (input) => {
        const apiKey = await hsrcpay.apiKeys.create(input as CreateApiKeyParams);
        expect(typeof apiKey.id).toBe("string");
        expect(exchanges.at(-1)?.violations).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe("Prism's generated responses", () => {
  it("parse into a valid ApiKey for 50 seeds", async () => {
    const { hsrcpay } = contractClient();
    for (let seed = 1; seed <= 50; seed++) {
      const status = seed % 2 ? "200" : "201";
      const apiKey = await hsrcpay.apiKeys.create(
        { account_id: "acct_1", name: "CI", permissions: {} },
        { headers: { Prefer: `code=${status}, dynamic=true, seed=${seed}` } },
      );
      expect(apiKey.lastResponse.status).toBe(Number(status));
      expect(schemaErrors(apiKeySchema, JSON.parse(JSON.stringify(apiKey)))).toEqual([]);
    }
  });
});
