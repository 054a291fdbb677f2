// The charges and refunds resources: what goes on the wire and what a user reads back.
import { describe, expect, it } from "vitest";
import { responses } from "../../../generated/responses.js";
import { createHsrcpayClient, HsrcpayInvalidResponseError } from "../../../src/index.js";
import { createHsrcpayMock } from "../../../src/testing/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { token } from "../../helpers/fixtures.js";
import { json } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

/** The spec's example of an operation's success data (generated/responses.ts). */
function exampleOf(operation: string): unknown {
  const answer = responses[operation]?.statuses["200"] as { data: unknown } | undefined;
  if (answer === undefined) throw new Error(`no 200 example for ${operation}`);
  return structuredClone(answer.data);
}

/** A charge as the spec's example has it, with the fields these tests read. */
const charge = {
  ...(exampleOf("GET /charges/{id}") as Record<string, unknown>),
  object: "charge",
  id: "ch_1",
  status: "CREATED",
  amount: 12500,
  currency: "USD",
};
const refundExample = (exampleOf("GET /refunds/") as Record<string, unknown>[])[0] ?? {};
const envelope = (data: unknown, more = {}) => ({
  message: "success",
  success: true,
  data,
  ...more,
});

describe("charges", () => {
  it("list: no params needed (the account is the actor's); pages walked with page and limit", async () => {
    // The in-process mock pages a seeded list as HSRCPAY does (@hsrcpay/client/testing).
    const mock = createHsrcpayMock().seed("listCharges", [charge, { ...charge, id: "ch_2" }]);
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const ids: string[] = [];
    for await (const item of hsrcpay.charges.list({ limit: 1 })) ids.push(item.id);
    expect(ids).toEqual(["ch_1", "ch_2"]);
    expect(mock.calls.map((c) => `${c.path}?${new URLSearchParams(c.query)}`)).toEqual([
      "/charges/?limit=1&page=1",
      "/charges/?limit=1&page=2",
    ]);
    mock.assertNoViolations();
  });

  it("retrieve: the id as one segment; the charge with lastResponse", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, envelope(charge)));
    const found = await hsrcpay.charges.retrieve("ch/1");
    expect(calls[0]?.url.pathname).toBe("/v1/charges/ch%2F1");
    expect(found.amount).toBe(12500);
    expect(found.lastResponse.status).toBe(200);
  });

  it("list: a page whose items have no id is an invalid response", async () => {
    const { hsrcpay } = clientWith(() =>
      json(200, envelope([{ amount: 1 }], { total: 1, page: 1, limit: 10, pages: 1 })),
    );
    expect(await rejectionOf(hsrcpay.charges.list())).toBeInstanceOf(HsrcpayInvalidResponseError);
  });

  it("retrieve: a charge whose amount is not a whole number is an invalid response, naming it", async () => {
    const { hsrcpay } = clientWith(() => json(200, envelope({ ...charge, captured_amount: "0" })));
    const error = (await rejectionOf(hsrcpay.charges.retrieve("ch_1"))) as Error;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("(captured_amount must be integer)");
  });
});

describe("refunds", () => {
  it("list: charge_id in the query, required", async () => {
    const refund = { ...refundExample, id: "re_1", charge_id: "ch_1", amount: 2500 };
    const { hsrcpay, calls } = clientWith(() => json(200, envelope([refund])));
    const page = await hsrcpay.refunds.list({ charge_id: "ch_1" });
    expect(calls[0]?.url.searchParams.get("charge_id")).toBe("ch_1");
    expect(page.data).toEqual([refund]);
    const noCurrency: Record<string, unknown> = { ...refund };
    delete noCurrency.currency;
    const { hsrcpay: partial } = clientWith(() => json(200, envelope([noCurrency])));
    const invalid = (await rejectionOf(partial.refunds.list({ charge_id: "ch_1" }))) as Error;
    expect(invalid).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(invalid.message).toContain("([0].currency is required)");
    const missing = await rejectionOf(hsrcpay.refunds.list({} as { charge_id: string }));
    expect(missing).toMatchObject({ field: "charge_id", message: "charge_id is required" });
  });
});
