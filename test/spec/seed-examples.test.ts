// HSRCPAY's documentation page for Create API key is the source of the spec. Its example bodies are
// committed under test/fixtures/seed/, so the spec is checked against them everywhere, the GitHub
// workflow included; only the comparison of those copies with the live page needs ../shared/seed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseSeedPage,
  seedFixtures,
  seedPageAvailable,
  seedPagePath,
} from "../helpers/seed-page.js";
import {
  declaredStatuses,
  requestMediaType,
  responseMediaType,
  schemaErrors,
} from "../helpers/spec.js";

const operationId = "createApiKey";
const seed = seedFixtures();
const successStatuses = ["200", "201"];
const errorStatuses = ["400", "401", "403", "404", "409", "422", "429", "500", "default"];

describe("the spec against the committed copies of the documentation page's examples", () => {
  it("declares 200 and 201, the eight error statuses and a default", () => {
    expect(declaredStatuses(operationId).sort()).toEqual(
      [...successStatuses, ...errorStatuses].sort(),
    );
  });

  it("accepts the page's example request", () => {
    expect(schemaErrors(requestMediaType(operationId).schema, seed.request)).toEqual([]);
  });

  it("rejects a request with a misspelled field", () => {
    const misspelled = { name: "CI deploy", permissions: {}, expires_at: null, metdata: {} };
    expect(schemaErrors(requestMediaType(operationId).schema, misspelled)).toContain(
      "/ must NOT have additional properties",
    );
  });

  it.each(successStatuses)(
    "%s: the page's success body validates and its error body does not",
    (status) => {
      const { schema } = responseMediaType(operationId, status);
      expect(schemaErrors(schema, seed.success)).toEqual([]);
      expect(schemaErrors(schema, seed.error)).not.toEqual([]);
    },
  );

  it.each(errorStatuses)(
    "%s: the page's error body validates and its success body does not",
    (status) => {
      const { schema } = responseMediaType(operationId, status);
      expect(schemaErrors(schema, seed.error)).toEqual([]);
      expect(schemaErrors(schema, seed.success)).not.toEqual([]);
    },
  );

  it.each([...successStatuses, ...errorStatuses])(
    "%s: shows the page's body as its seedExample, next to a realistic example of its own",
    (status) => {
      const examples = responseMediaType(operationId, status).examples ?? {};
      const expected = successStatuses.includes(status) ? seed.success : seed.error;
      expect(examples.seedExample?.value).toEqual(expected);
      const own = Object.entries(examples).filter(([name]) => name !== "seedExample");
      expect(own.length).toBeGreaterThan(0);
      for (const [, example] of own) expect(example.value).not.toEqual(expected);
    },
  );

  it("gives 200 and 201 different realistic examples", () => {
    const realistic = (status: string) =>
      Object.entries(responseMediaType(operationId, status).examples ?? {})
        .filter(([name]) => name !== "seedExample")
        .map(([, example]) => example.value);
    expect(realistic("200")).not.toEqual(realistic("201"));
  });
});

describe("the committed copies against the documentation page", () => {
  it("reads the curl body and the response bodies, in order, from a page laid out like it", () => {
    const body = (value: unknown) => JSON.stringify(value, null, 2);
    const page = [
      "Create API key",
      "POST",
      "/api-keys/",
      `curl -X POST "https://api.hsrcpay.com/v1/api-keys/?account_id=string" \\  -H "Content-Type: application/json" \\  -d '${JSON.stringify(seed.request)}'`,
      body(seed.success),
      body(seed.error),
    ].join("\n");
    expect(parseSeedPage(page)).toEqual({
      request: seed.request,
      responses: [seed.success, seed.error],
    });
  });

  it("are the page's own example bodies", (context) => {
    context.skip(
      !seedPageAvailable,
      `${seedPagePath} is absent here: the copies were checked against the spec only`,
    );
    const page = parseSeedPage(readFileSync(seedPagePath, "utf8"));
    expect(page.request).toEqual(seed.request);
    // Two success bodies (200 and 201), then eight error bodies.
    expect(page.responses).toHaveLength(10);
    expect(page.responses.slice(0, 2)).toEqual([seed.success, seed.success]);
    expect(page.responses.slice(2)).toEqual(Array(8).fill(seed.error));
  });
});
