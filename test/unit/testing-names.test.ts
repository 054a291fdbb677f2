// The names the mock takes (#30): the spec's operationIds and the client's method names, derived
// from the client (generated/responses.ts), typed, refused when misspelt, and listed in the README.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { methods, responses } from "../../generated/responses.js";
import { createHsrcpayClient, NotFoundError } from "../../src/index.js";
import { createHsrcpayMock, type MockMethodName, type MockName } from "../../src/testing/index.js";
import { type ClientMethodName, names } from "../../src/testing/routes.js";
import { rejectionOf } from "../helpers/rejection.js";
import { repoRoot } from "../helpers/repo-root.js";

const token = "sk_test_mocknames000000000000001";
const operationIds = Object.values(responses).map((operation) => operation.operationId);

/** The README's table of names, as the mock derives it: one row per operation. */
function namesTable(): string {
  const rows = Object.entries(responses).map(([key, { operationId }]) => {
    const called = Object.keys(methods).filter((name) => methods[name as MockMethodName] === key);
    const by = called.length > 0 ? called.map((name) => `\`${name}\``).join(", ") : "(`raw` only)";
    return `| \`${operationId}\` | ${by} | \`${key}\` |`;
  });
  return ["| operationId | method | operation |", "| --- | --- | --- |", ...rows].join("\n");
}

describe("the names", () => {
  it("are the client's method names as its types spell them, and every one calls an operation", () => {
    expectTypeOf<MockMethodName>().toEqualTypeOf<ClientMethodName>();
    for (const key of Object.values(methods)) expect(Object.keys(responses)).toContain(key);
    expect(names).toEqual([...operationIds, ...Object.keys(methods)]);
  });

  it("are listed in the README, as the spec and the client have them", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(readme).toContain(namesTable());
  });

  it.each([
    ["payments.retrieve", "getPayment"],
    ["refunds.list", "getRefunds"],
    ["webhooks.create", "postWebhooks"],
  ] as const)("%s scripts %s", async (name, operationId) => {
    const mock = createHsrcpayMock().on(name, { status: 404 });
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch, maxRetries: 0 });
    const calls = {
      getPayment: () => hsrcpay.payments.retrieve("pay_1"),
      getRefunds: () => hsrcpay.refunds.list({ charge_id: "ch_1" }),
      postWebhooks: () =>
        hsrcpay.webhooks.create({
          endpoint: "https://example.test/hooks",
          enabled_events: ["payment.succeeded"],
        } as never),
    };
    expect(await rejectionOf(calls[operationId]())).toBeInstanceOf(NotFoundError);
    expect(mock.calls.map((call) => call.operationId)).toEqual([operationId]);
    mock.assertDone();
  });

  it("a misspelt name fails tsc and is refused at run time, naming the closest", () => {
    const mock = createHsrcpayMock();
    // @ts-expect-error not a method of the client
    expect(() => mock.on("payments.retreive", { status: 404 })).toThrow(
      /"payments.retreive" is neither .* \(did you mean "payments.retrieve"\?\)/,
    );
    // @ts-expect-error not an operationId of the spec
    expect(() => mock.on("getPayments", { status: 404 })).toThrow(/did you mean "getPayment"/);
    // @ts-expect-error a retrieve is not a list
    expect(() => mock.seed("payments.retrieve", [])).toThrow(TypeError);
  });

  it("any other string is refused as a TypeError naming it, and scripts nothing", () => {
    fc.assert(
      fc.property(
        fc.string().filter((name) => !names.includes(name)),
        (name) => {
          const mock = createHsrcpayMock();
          let error: unknown;
          try {
            mock.on(name as MockName, { status: 500 } as never);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(TypeError);
          expect((error as Error).message).toContain(JSON.stringify(name));
          expect(() => mock.assertDone()).not.toThrow();
        },
      ),
    );
  });
});
