// The payments resource: what goes on the wire, what is refused before anything is sent, and what a
// user reads back, including both readings of create's answer and the confirm's 3DS branch.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConflictError,
  createHsrcpayClient,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
} from "../../../src/index.js";
import { createHsrcpayMock } from "../../../src/testing/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { card, confirmed, createParams, paymentData } from "../../helpers/fixtures/payments.js";
import { token } from "../../helpers/fixtures.js";
import { json } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

const envelope = (data: unknown, more = {}) => ({
  message: "success",
  success: true,
  data,
  ...more,
});

describe("payments.create", () => {
  it("sends the amount as a whole number and the currency as given, with an Idempotency-Key", async () => {
    const { hsrcpay, calls } = clientWith(() => json(201, envelope(paymentData)));
    await hsrcpay.payments.create({ ...createParams, secure_mode: "auto" }, {});
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/payments/");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ ...createParams, secure_mode: "auto" });
    expect(calls[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  for (const [reading, data] of [
    ["the payment in data (the reference example)", paymentData],
    ["{ payment } in data (the payment-flows guide)", { payment: paymentData }],
  ] as const) {
    for (const status of [200, 201]) {
      it(`resolves to the payment from ${reading}, answered ${status}`, async () => {
        const { hsrcpay } = clientWith(() => json(status, envelope(data)));
        const payment = await hsrcpay.payments.create(createParams);
        expect({ ...payment }).toEqual(paymentData);
        expect(payment.lastResponse.status).toBe(status);
        expect(Object.keys(payment)).not.toContain("lastResponse");
      });
    }
  }

  for (const [what, data] of [
    ["an empty object", {}],
    ["a wrapper without an id inside", { payment: { status: "CREATED" } }],
    ["a wrapper holding a string", { payment: "pay_1" }],
    ["a list", [paymentData]],
  ] as const) {
    it(`answers ${what} in data with an invalid-response error`, async () => {
      const { hsrcpay } = clientWith(() => json(201, envelope(data)));
      const error = await rejectionOf(hsrcpay.payments.create(createParams));
      expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    });
  }

  const refusals: [string, Record<string, unknown>, string, RegExp][] = [
    ["an amount as a string", { amount: "125.00" }, "amount", /must be a whole number/],
    ["a fractional amount", { amount: 125.5 }, "amount", /must be a whole number/],
    ["an amount of nothing", { amount: 0 }, "amount", /from 1/],
    ["an amount past 2^53", { amount: 2 ** 53 }, "amount", /whole number/],
    ["a two-letter currency", { currency: "US" }, "currency", /pattern/],
    ["a numeric currency", { currency: 840 }, "currency", /must be a string/],
    ["secure_mode neither boolean nor auto", { secure_mode: "always" }, "secure_mode", /forms/],
    ["a misspelt field", { amout: 1 }, "amout", /is not a field of POST \/payments\//],
  ];
  for (const [what, change, field, problem] of refusals) {
    it(`refuses ${what} before sending, naming ${field}`, async () => {
      const { hsrcpay, calls } = clientWith(() => json(201, envelope(paymentData)));
      const error = await rejectionOf(
        hsrcpay.payments.create({ ...createParams, ...change } as never),
      );
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toMatch(problem);
      expect(calls).toHaveLength(0);
    });
  }

  it("sends every whole amount from 1 to 2^53 - 1 as the same number, and refuses every fraction", async () => {
    const { hsrcpay, calls } = clientWith(() => json(201, envelope(paymentData)));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 1 }),
          fc.maxSafeInteger().filter((n) => n > 0),
        ),
        async (amount) => {
          await hsrcpay.payments.create({ amount, currency: "TRY" });
          expect(JSON.parse(calls.at(-1)?.body ?? "").amount).toBe(amount);
        },
      ),
      { numRuns: 50 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.001, max: 1e12, noNaN: true }).filter((n) => !Number.isInteger(n)),
        async (amount) => {
          const sent = calls.length;
          const error = await rejectionOf(hsrcpay.payments.create({ amount, currency: "TRY" }));
          expect(error).toMatchObject({ field: "amount" });
          expect(calls).toHaveLength(sent);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("payments.list and retrieve", () => {
  it("list: the include_* flags in the query; every page walked", async () => {
    // What the flags ask for is embedded: the client refuses an item without it.
    const embedded = { charges: [], events: [], customer: null };
    const mock = createHsrcpayMock().seed("listPayments", [
      { ...paymentData, ...embedded, id: "pay_1" },
      { ...paymentData, ...embedded, id: "pay_2" },
    ]);
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const ids: string[] = [];
    const flags = {
      include_charges: true,
      include_routing_plans: false,
      include_events: true,
      include_customer: true,
      include_payment_provider_details: true,
    };
    for await (const payment of hsrcpay.payments.list({ limit: 1, ...flags })) ids.push(payment.id);
    expect(ids).toEqual(["pay_1", "pay_2"]);
    expect(mock.calls[1]?.query).toEqual({
      limit: "1",
      include_charges: "true",
      include_routing_plans: "false",
      include_events: "true",
      include_customer: "true",
      include_payment_provider_details: "true",
      page: "2",
    });
    mock.assertNoViolations();
  });

  it("list: a flag that is not a boolean is refused, naming it", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, envelope([])));
    const error = await rejectionOf(hsrcpay.payments.list({ include_charges: "yes" as never }));
    expect(error).toMatchObject({ field: "include_charges" });
    expect(calls).toHaveLength(0);
  });

  it("retrieve: the id as one segment, the flags in the query, the payment with lastResponse", async () => {
    const { hsrcpay, calls } = clientWith(() =>
      json(200, envelope({ ...paymentData, charges: [] })),
    );
    const payment = await hsrcpay.payments.retrieve("pay/1", { include_charges: true });
    expect(calls[0]?.url.pathname).toBe("/v1/payments/pay%2F1");
    expect(calls[0]?.url.search).toBe("?include_charges=true");
    expect(payment.charges).toEqual([]);
    expect(payment.lastResponse.status).toBe(200);
  });
});

describe("payments.confirm", () => {
  const cardMethod = { payment_method: { data: card } };

  it("sends the card data in the body and resolves to { payment, confirmResult } with the 3DS branch", async () => {
    // The spec's first confirm example is the 3-D Secure one: the mock answers it by default.
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const { payment, confirmResult, lastResponse } = await hsrcpay.payments.confirm(
      "pay_1",
      cardMethod,
    );
    expect(mock.calls[0]?.path).toBe("/payments/pay_1/confirm");
    expect(mock.calls[0]?.body).toEqual(cardMethod);
    expect(payment.status).toBe("REQUIRES_ACTION");
    expect(confirmResult.paymentNextAction?.action).toBe("redirect_user_to_url");
    expect(confirmResult.paymentNextAction?.url).toMatch(/^https:\/\/sandbox\.hsrcpay\.com\/3ds\//);
    expect(lastResponse.status).toBe(200);
    mock.assertNoViolations();
  });

  it("a saved payment method by id, with a routing strategy of two or more candidates", async () => {
    const { hsrcpay, calls } = clientWith(() =>
      json(200, envelope(confirmed("SUCCEEDED", { ok: true, latestResult: { kind: "success" } }))),
    );
    const params = {
      payment_method: { id: "pm_1" },
      routing_strategy: { provider_identifier: ["sandbox", "iyzico"] },
    };
    const { confirmResult } = await hsrcpay.payments.confirm("pay_1", params);
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual(params);
    expect(confirmResult.paymentNextAction).toBeUndefined();
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    [
      "a card number with spaces",
      { data: { ...card, pan: "4111 1111 1111 1111" } },
      "payment_method.data.pan",
    ],
    ["a two-digit security code", { data: { ...card, cvv: "12" } }, "payment_method.data.cvv"],
    ["month 13", { data: { ...card, month: "13" } }, "payment_method.data.month"],
    ["a misspelt card field", { data: { ...card, cvvv: "987" } }, "payment_method.data.cvvv"],
    ["a card without its expiry", { data: { pan: card.pan } }, "payment_method.data.month"],
    ["both a saved method and card data", { id: "pm_1", data: card }, "payment_method"],
    ["neither", {}, "payment_method"],
  ];
  for (const [what, method, field] of refusals) {
    it(`refuses ${what} before sending, naming ${field} and never the card data`, async () => {
      const { hsrcpay, calls } = clientWith(() => json(200, envelope({})));
      const error = await rejectionOf(
        hsrcpay.payments.confirm("pay_1", { payment_method: method } as never),
      );
      expect(error).toBeInstanceOf(HsrcpayValidationError);
      expect(error).toMatchObject({ field });
      expect(JSON.stringify(error) + String((error as Error).stack)).not.toMatch(/4111|987/);
      expect(calls).toHaveLength(0);
    });
  }

  it("refuses a routing strategy with one candidate in a list (one is a string)", async () => {
    const { hsrcpay } = clientWith(() => json(200, envelope({})));
    const error = await rejectionOf(
      hsrcpay.payments.confirm("pay_1", {
        payment_method: { id: "pm_1" },
        routing_strategy: { payment_provider_config_id: ["ppc_1"] },
      }),
    );
    expect(error).toMatchObject({ field: "routing_strategy.payment_provider_config_id" });
  });

  for (const [what, data] of [
    ["no confirmResult", { payment: paymentData }],
    [
      "a payment without an id",
      {
        payment: { status: "SUCCEEDED" },
        confirmResult: { ok: true, latestResult: { kind: "success" } },
      },
    ],
    ["a confirmResult without latestResult", confirmed("SUCCEEDED", { ok: true })],
  ] as const) {
    it(`answers ${what} with an invalid-response error, not a TypeError later`, async () => {
      const { hsrcpay } = clientWith(() => json(200, envelope(data)));
      const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", cardMethod));
      expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    });
  }

  it("every attempt of one confirm carries the same Idempotency-Key (503, then a timeout-free success)", async () => {
    const { hsrcpay, calls } = clientWith(
      (_request, index) =>
        index === 0
          ? json(503, { message: "busy", success: false, error: { code: 503, message: "busy" } })
          : json(
              200,
              envelope(confirmed("SUCCEEDED", { ok: true, latestResult: { kind: "success" } })),
            ),
      { maxRetries: 2 },
    );
    await hsrcpay.payments.confirm("pay_1", cardMethod);
    expect(calls).toHaveLength(2);
    const keys = calls.map((call) => call.headers.get("idempotency-key"));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("a 409 is surfaced with the key used, and the same key reads the result again", async () => {
    const { hsrcpay, calls } = clientWith((_request, index) =>
      index === 0
        ? json(409, {
            message: "Idempotency conflict",
            success: false,
            error: { code: 409, message: "Idempotency conflict" },
          })
        : json(
            200,
            envelope(confirmed("SUCCEEDED", { ok: true, latestResult: { kind: "success" } })),
          ),
    );
    const conflict = (await rejectionOf(
      hsrcpay.payments.confirm("pay_1", cardMethod, { idempotencyKey: "order-1042-confirm" }),
    )) as ConflictError;
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.idempotencyKey).toBe("order-1042-confirm");
    expect(calls).toHaveLength(1); // a 409 is not retried
    await hsrcpay.payments.confirm("pay_1", cardMethod, {
      idempotencyKey: conflict.idempotencyKey,
    });
    expect(calls[1]?.headers.get("idempotency-key")).toBe("order-1042-confirm");
  });
});
