// The checkout-sessions resource: what goes on the wire and what a user reads back.
import { describe, expect, it } from "vitest";
import { responses } from "../../../generated/responses.js";
import {
  createHsrcpayClient,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
} from "../../../src/index.js";
import { createHsrcpayMock } from "../../../src/testing/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { card } from "../../helpers/fixtures/payments.js";
import { token } from "../../helpers/fixtures.js";
import { json } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

/** The spec's example of the success data of `key` at `status` (generated/responses.ts). */
function exampleOf(key: string, status = "200"): Record<string, unknown> {
  const answer = responses[key]?.statuses[status] as { data: unknown } | undefined;
  if (answer === undefined) throw new Error(`no ${status} example for ${key}`);
  return structuredClone(answer.data) as Record<string, unknown>;
}

const created = exampleOf("POST /checkout-sessions/");
const session = exampleOf("POST /checkout-sessions/token/{token}/confirm");
const sessionToken = "cst_9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk";
const envelope = (data: unknown, more = {}) => ({
  message: "success",
  success: true,
  data,
  ...more,
});

describe("checkoutSessions", () => {
  it("create: the body as given, with an Idempotency-Key; the answer's token is handed back", async () => {
    const { hsrcpay, calls } = clientWith(() => json(201, envelope(created)));
    const opened = await hsrcpay.checkoutSessions.create(
      { currency: "USD", amount_mode: "FIXED", fixed_amount: "125.00" },
      { idempotencyKey: "order-1042-checkout" },
    );
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/checkout-sessions/");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({
      currency: "USD",
      amount_mode: "FIXED",
      fixed_amount: "125.00",
    });
    expect(calls[0]?.headers.get("idempotency-key")).toBe("order-1042-checkout");
    expect(opened.status).toBe("PENDING");
    expect(opened.token).toBe(sessionToken);
    expect(opened.lastResponse.status).toBe(201);
  });

  it("create: an amount as a number, or a field the spec does not have, is refused before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => json(201, envelope(created)));
    const asNumber = await rejectionOf(
      hsrcpay.checkoutSessions.create({ currency: "USD", fixed_amount: 125 as never }),
    );
    expect(asNumber).toBeInstanceOf(HsrcpayValidationError);
    expect((asNumber as HsrcpayValidationError).field).toBe("fixed_amount");
    const misspelt = await rejectionOf(
      hsrcpay.checkoutSessions.create({ currency: "USD", fixed_ammount: "1.00" } as never),
    );
    expect((misspelt as HsrcpayValidationError).field).toBe("fixed_ammount");
    expect(calls).toHaveLength(0);
  });

  it("confirm: the token as one percent-encoded path segment, the card in the body", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, envelope(session)));
    const confirmed = await hsrcpay.checkoutSessions.confirm("cst_tok/a+b", {
      payment_method: { data: card },
      payer: { email: "ayse@example.com", shipping_same_as_billing: false },
    });
    expect(calls[0]?.url.pathname).toBe("/v1/checkout-sessions/token/cst_tok%2Fa%2Bb/confirm");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({
      payment_method: { data: card },
      payer: { email: "ayse@example.com", shipping_same_as_billing: false },
    });
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(confirmed.status).toBe("COMPLETED");
  });

  it("confirm: a saved payment method by id is not what the checkout takes, and a blank token is refused", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, envelope(session)));
    const saved = await rejectionOf(
      hsrcpay.checkoutSessions.confirm(sessionToken, {
        payment_method: { id: "pm_1" } as never,
      }),
    );
    expect(saved).toBeInstanceOf(HsrcpayValidationError);
    const blank = await rejectionOf(
      hsrcpay.checkoutSessions.confirm(" ", { payment_method: { data: card } }),
    );
    expect((blank as HsrcpayValidationError).field).toBe("token");
    expect(calls).toHaveLength(0);
  });

  it("list: pages walked with page and limit on the in-process mock", async () => {
    const mock = createHsrcpayMock().seed("checkoutSessions.list", [
      { id: "cs_1" },
      { id: "cs_2" },
      { id: "cs_3" },
    ]);
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const ids: string[] = [];
    for await (const item of hsrcpay.checkoutSessions.list({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(["cs_1", "cs_2", "cs_3"]);
    expect(mock.calls.map((c) => c.query.page)).toEqual(["1", "2"]);
    mock.assertNoViolations();
  });

  it("search: q and account_id in the query; one unpaginated list, read once", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, envelope([session, session])));
    const found = await hsrcpay.checkoutSessions.search({
      q: "ayse@example.com",
      account_id: "acct_1",
    });
    expect(calls).toHaveLength(1);
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      q: "ayse@example.com",
      account_id: "acct_1",
    });
    expect(found.data).toHaveLength(2);
    expect(found.pages).toBe(1);
    await expect(
      rejectionOf(hsrcpay.checkoutSessions.search({ q: "x" } as never)),
    ).resolves.toBeInstanceOf(HsrcpayValidationError);
  });

  it("an amount sent as a number, where the spec says a string, is an invalid response naming it", async () => {
    const { hsrcpay } = clientWith(() => json(200, envelope({ ...session, final_amount: 125 })));
    const error = await rejectionOf(
      hsrcpay.checkoutSessions.confirm(sessionToken, { payment_method: { data: card } }),
    );
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain("final_amount");
  });
});
