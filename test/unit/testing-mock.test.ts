// The in-process mock (@hsrcpay/client/testing), as the tests of a user's code would drive it: the
// documented answers by default, requests checked against the spec, scripted outcomes, seeded
// lists, and what it records. That its answers fit the spec for every operation and status is
// test/contract/outcomes.test.ts, which runs the same suite against it and against Prism.
import { describe, expect, it } from "vitest";
import {
  ConflictError,
  createHsrcpayClient,
  HsrcpayConnectionError,
  HsrcpayRedirectError,
  HsrcpayTimeoutError,
  InternalServerError,
} from "../../src/index.js";
import { createHsrcpayMock } from "../../src/testing/index.js";
import { card } from "../helpers/fixtures/payments.js";
import { rejectionOf } from "../helpers/rejection.js";

const token = "sk_test_mockuser0000000000000001";
function setup(mock = createHsrcpayMock(), options = {}) {
  return { mock, hsrcpay: createHsrcpayClient({ token, fetch: mock.fetch, ...options }) };
}

describe("by default", () => {
  it("every operation answers its lowest documented success, as Prism does (200 of 200 or 201)", async () => {
    const { mock, hsrcpay } = setup();
    const created = await hsrcpay.payments.create({ amount: 12500, currency: "USD" });
    const confirmed = await hsrcpay.payments.confirm(created.id, {
      payment_method: { data: card },
    });
    const account = await hsrcpay.accounts.retrieve("acct_1PqR7sT2uV3wX4yZ");
    expect(created.lastResponse.status).toBe(200);
    expect(created.lastResponse.requestId).toMatch(/^req_mock_\d+$/);
    expect(confirmed.confirmResult.latestResult.kind).toBe("requires_action");
    expect(account.lastResponse.status).toBe(200);
    mock.assertNoViolations();
  });

  it("records every request as the server saw it, the credential masked", async () => {
    const { mock, hsrcpay } = setup();
    await hsrcpay.payments.confirm(
      "pay/1",
      { payment_method: { id: "pm_1" } },
      { idempotencyKey: "k-1" },
    );
    expect(mock.calls).toEqual([
      {
        operationId: "confirmPayment",
        method: "POST",
        path: "/payments/pay%2F1/confirm",
        query: {},
        headers: expect.objectContaining({
          "idempotency-key": "k-1",
          authorization: expect.stringMatching(/^Bearer sk_test_…/),
        }),
        body: { payment_method: { id: "pm_1" } },
      },
    ]);
    expect(JSON.stringify(mock.calls)).not.toContain(token);
  });
});

describe("requests the spec does not allow", () => {
  it("are answered 422 naming the field, and recorded", async () => {
    const { mock, hsrcpay } = setup();
    const { error, response } = await hsrcpay.raw.POST("/payments/", {
      body: { amount: "125.00", currency: "USD" } as never,
    });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ error: { details: { field: "amount" } } });
    expect(mock.violations).toEqual([
      {
        operationId: "createPayment",
        method: "POST",
        path: "/payments/",
        field: "amount",
        problem: "must be a whole number",
      },
    ]);
    expect(() => mock.assertNoViolations()).toThrow(
      /createPayment POST \/payments\/: amount must be a whole number/,
    );
  });

  it.each([
    ["a query value of the wrong type", "/payments/?limit=ten", "GET", "limit"],
    ["a body field in the query", "/payments/?amount=1", "GET", "amount"],
    ["a path the spec does not have", "/payment-intents/", "GET", "GET /v1/payment-intents/"],
  ])("%s", async (_, path, method, field) => {
    const mock = createHsrcpayMock();
    const response = await mock.fetch(`https://api.hsrcpay.com/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(mock.violations.map((v) => v.field)).toEqual([field]);
  });

  it("a request without a bearer credential, or a write without an Idempotency-Key", async () => {
    const mock = createHsrcpayMock();
    const noAuth = await mock.fetch("https://api.hsrcpay.com/v1/accounts/");
    const noKey = await mock.fetch("https://api.hsrcpay.com/v1/payments/", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ amount: 1, currency: "USD" }),
    });
    expect([noAuth.status, noKey.status]).toEqual([401, 400]);
    expect(mock.violations.map((v) => v.field)).toEqual(["authorization", "idempotency-key"]);
  });
});

describe("scripted outcomes", () => {
  it("a sequence, one per request: the client's retry with the same key is visible in calls", async () => {
    const { mock, hsrcpay } = setup(
      createHsrcpayMock().on("createPayment", [{ status: 503 }, { status: 201 }]),
    );
    const payment = await hsrcpay.payments.create({ amount: 1, currency: "USD" });
    expect(payment.lastResponse.status).toBe(201);
    expect(mock.calls.map((call) => call.headers["idempotency-key"])).toEqual([
      payment.lastResponse.idempotencyKey,
      payment.lastResponse.idempotencyKey,
    ]);
    // Used up: the documented success again.
    expect(
      (await hsrcpay.payments.create({ amount: 1, currency: "USD" })).lastResponse.status,
    ).toBe(200);
  });

  it("a declared status answers its example; a custom body and headers go as given", async () => {
    const mock = createHsrcpayMock()
      .on("confirmPayment", { status: 409 })
      .on("getPayment", {
        status: 500,
        body: { message: "down", success: false, error: { code: 500, message: "down" } },
        headers: { "x-request-id": "req_custom" },
      });
    const { hsrcpay } = setup(mock, { maxRetries: 0 });
    expect(
      await rejectionOf(hsrcpay.payments.confirm("pay_1", { payment_method: { id: "pm_1" } })),
    ).toBeInstanceOf(ConflictError);
    const down = await rejectionOf(hsrcpay.payments.retrieve("pay_1"));
    expect(down).toBeInstanceOf(InternalServerError);
    expect(down).toMatchObject({
      message: "500 down (GET /v1/payments/{id})",
      requestId: "req_custom",
    });
  });

  it("a delay the client's timeout cuts short, a dropped connection, a redirect", async () => {
    const mock = createHsrcpayMock()
      .on("getPayment", { delayMs: 5_000 })
      .on("listPayments", { network: "reset" })
      .on("getCharge", { redirect: "https://elsewhere.test/" });
    const { hsrcpay } = setup(mock, { maxRetries: 0, timeout: 50 });
    expect(await rejectionOf(hsrcpay.payments.retrieve("pay_1"))).toBeInstanceOf(
      HsrcpayTimeoutError,
    );
    expect(await rejectionOf(hsrcpay.payments.list())).toBeInstanceOf(HsrcpayConnectionError);
    expect(await rejectionOf(hsrcpay.charges.retrieve("ch_1"))).toBeInstanceOf(
      HsrcpayRedirectError,
    );
  });

  it("a handler sees the call and answers with a Response or an outcome", async () => {
    const mock = createHsrcpayMock().on("getPayment", {
      handler: (call) => ({ status: call.query.include_charges === "true" ? 404 : 200 }),
    });
    const { hsrcpay } = setup(mock);
    expect(
      await rejectionOf(hsrcpay.payments.retrieve("pay_1", { include_charges: true })),
    ).toMatchObject({ status: 404 });
  });

  it("Prefer: code=NNN answers that status, as the Prism mock does", async () => {
    const { hsrcpay } = setup();
    const error = await rejectionOf(hsrcpay.accounts.list({ headers: { Prefer: "code=403" } }));
    expect(error).toMatchObject({ status: 403 });
  });

  it("a name the spec and the client do not have is refused, naming the closest", () => {
    expect(() =>
      createHsrcpayMock().on("createPaymentIntent" as never, { status: 200 } as never),
    ).toThrow(/"createPaymentIntent" is neither .*did you mean "createPayment"/);
    expect(() => createHsrcpayMock().seed("getPayment" as never, [])).toThrow(
      /not a list operation/,
    );
  });
});

describe("seeded lists", () => {
  it("are paginated by page and limit as HSRCPAY does, and walked to the end", async () => {
    const items = Array.from({ length: 23 }, (_, i) => ({ id: `ch_${i}`, status: "CREATED" }));
    const { mock, hsrcpay } = setup(createHsrcpayMock().seed("listCharges", items));
    const first = await hsrcpay.charges.list({ limit: 10 });
    expect(first).toMatchObject({ total: 23, limit: 10, pages: 3, page: 1 });
    const ids: string[] = [];
    for await (const charge of hsrcpay.charges.list({ limit: 10 })) ids.push(charge.id);
    expect(ids).toEqual(items.map((item) => item.id));
    expect(mock.calls.map((call) => call.query.page)).toEqual(["1", "1", "2", "3"]);
  });

  it("an unpaginated list answers every item; reset forgets seeds, scripts, calls", async () => {
    const mock = createHsrcpayMock().seed("getWebhooks", [
      { id: "wh_1", secret: "whsec_1" },
      { id: "wh_2", secret: "whsec_2" },
    ]);
    const { hsrcpay } = setup(mock);
    const seeded = (await hsrcpay.webhooks.list()).data;
    expect(seeded.map(({ id, secret }) => ({ id, secret }))).toEqual([
      { id: "wh_1", secret: "whsec_1" },
      { id: "wh_2", secret: "whsec_2" },
    ]);
    mock.reset();
    expect(mock.calls).toEqual([]);
    const ids = (await hsrcpay.webhooks.list()).data.map((webhook) => webhook.id);
    expect(ids).not.toContain("wh_1");
    expect(ids).not.toContain("wh_2");
  });
});

describe("another base URL", () => {
  it("answers under it, and nothing under another origin", async () => {
    const mock = createHsrcpayMock({ baseUrl: "http://localhost:4010/v1" });
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: "http://localhost:4010/v1",
      fetch: mock.fetch,
    });
    await hsrcpay.accounts.list();
    const elsewhere = createHsrcpayClient({ token, fetch: mock.fetch });
    expect(await rejectionOf(elsewhere.accounts.list())).toMatchObject({ status: 404 });
    expect(mock.violations).toHaveLength(1);
  });
});
