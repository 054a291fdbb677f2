// Scripted outcomes as the spec has them (#30): the named examples of each status, statuses the
// operation declares, refusals at once naming what is wrong, and assertDone for what was not used.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { responses } from "../../generated/responses.js";
import { createHsrcpayClient, UnprocessableEntityError } from "../../src/index.js";
import { createHsrcpayMock } from "../../src/testing/index.js";
import { card } from "../helpers/fixtures/payments.js";
import { rejectionOf } from "../helpers/rejection.js";

const token = "sk_test_mockoutcomes0000000000001";
const confirmKey = "POST /payments/{id}/confirm";
const confirmExamples = responses[confirmKey]?.examples ?? {};

function setup(mock = createHsrcpayMock()) {
  return { mock, hsrcpay: createHsrcpayClient({ token, fetch: mock.fetch, maxRetries: 0 }) };
}

/** A confirm as the client sends it; its answer's body as the mock sent it. */
async function confirmBody(mock: ReturnType<typeof createHsrcpayMock>) {
  const response = await mock.fetch("https://api.hsrcpay.com/v1/payments/pay_1/confirm", {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "idempotency-key": "k-1",
      "content-type": "application/json",
    },
    body: JSON.stringify({ payment_method: { id: "pm_1" } }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("named examples", () => {
  it('{ example: "declined" } answers the spec\'s declined confirm, by method name', async () => {
    const { mock, hsrcpay } = setup(
      createHsrcpayMock().on("payments.confirm", { example: "declined" }),
    );
    const { payment, confirmResult, lastResponse } = await hsrcpay.payments.confirm("pay_1", {
      payment_method: { data: card },
    });
    expect(lastResponse.status).toBe(200);
    expect(payment.status).toBe("REQUIRES_PAYMENT_METHOD");
    expect(confirmResult.latestResult).toEqual({
      kind: "error",
      errCode: "invalid_payment_method",
    });
    mock.assertDone();
  });

  it("every named example of every status is answered as the spec has it", async () => {
    const pairs = Object.entries(confirmExamples).flatMap(([status, named]) =>
      Object.keys(named).map((name) => [status, name] as const),
    );
    expect(pairs.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pairs), async ([status, name]) => {
        const code = status === "default" ? 503 : Number(status);
        const mock = createHsrcpayMock().on("confirmPayment", {
          status: code,
          example: name,
        } as never);
        expect(await confirmBody(mock)).toEqual({
          status: code,
          body: confirmExamples[status]?.[name],
        });
      }),
      { numRuns: pairs.length * 2 },
    );
  });

  it("an example name alone picks its status", async () => {
    const mock = createHsrcpayMock().on("confirmPayment", { example: "succeeded" });
    expect(await confirmBody(mock)).toEqual({
      status: 200,
      body: confirmExamples["200"]?.succeeded,
    });
  });

  it("an unknown example name is refused at once, naming the ones that exist", () => {
    const mock = createHsrcpayMock();
    // @ts-expect-error not an example of the confirm
    expect(() => mock.on("payments.confirm", { example: "decline" })).toThrow(
      /has no example "decline" .*200: requiresAction, succeeded, declined/,
    );
    // @ts-expect-error declined is a 200's example, not a 409's
    expect(() => mock.on("payments.confirm", { status: 409, example: "declined" })).toThrow(
      /no example "declined" for status 409/,
    );
    expect(() => mock.on("payments.confirm", { example: "seedExample" } as never)).toThrow(
      /"seedExample" is an example of 400, .*: give the status too/,
    );
    // @ts-expect-error an example is the spec's answer; a body is the test's own
    expect(() => mock.on("payments.confirm", { example: "declined", body: {} })).toThrow(
      /an example or a body, not both/,
    );
    expect(() => mock.assertDone()).not.toThrow();
  });
});

describe("statuses", () => {
  it("a status the operation does not declare fails tsc and is refused, naming what it declares", () => {
    const mock = createHsrcpayMock();
    // @ts-expect-error deleteAccount declares no 204
    expect(() => mock.on("accounts.delete", { status: 204 })).toThrow(
      /accounts.delete \(deleteAccount\) has no status 204 in the spec \(it declares 200, 400, .*default/,
    );
  });

  it("any undeclared 2xx or 3xx is refused; any 4xx or 5xx is the default response's", () => {
    const declared = Object.keys(responses[confirmKey]?.statuses ?? {});
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 599 }), (status) => {
        const on = () => createHsrcpayMock().on("confirmPayment", { status } as never);
        if (declared.includes(String(status)) || status >= 400) expect(on).not.toThrow();
        else expect(on).toThrow(`has no status ${status}`);
      }),
    );
  });

  it("with the test's own body, any status from 200 to 599 is answered as given", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }), async (status) => {
        const mock = createHsrcpayMock().on("confirmPayment", { status, body: { own: true } });
        const answered = await confirmBody(mock).catch(() => undefined);
        if ([204, 205, 304].includes(status)) return;
        expect(answered).toEqual({ status, body: { own: true } });
      }),
      { numRuns: 40 },
    );
  });

  it("a network value other than reset is refused, naming it", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((value) => value !== "reset"),
        (value) => {
          expect(() => createHsrcpayMock().on("getPayment", { network: value } as never)).toThrow(
            `must be "reset", not ${value}`,
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it("a handler answering an outcome the spec does not have fails the call, as a violation", async () => {
    const { mock, hsrcpay } = setup(
      createHsrcpayMock().on("getPayment", { handler: () => ({ status: 201 }) as never }),
    );
    expect(await rejectionOf(hsrcpay.payments.retrieve("pay_1"))).toMatchObject({ status: 400 });
    expect(mock.violations.map((v) => v.field)).toEqual(["handler"]);
  });
});

describe("assertDone", () => {
  it("throws naming each outcome never answered, with the name the test used", async () => {
    const { mock, hsrcpay } = setup(
      createHsrcpayMock()
        .on("payments.create", { status: 422 })
        .on("payments.confirm", [{ status: 503 }, { example: "declined" }]),
    );
    expect(
      await rejectionOf(hsrcpay.payments.create({ amount: 1, currency: "USD" })),
    ).toBeInstanceOf(UnprocessableEntityError);
    expect(() => mock.assertDone()).toThrow(
      [
        "2 scripted outcomes were never answered:",
        '- payments.confirm (POST /payments/{id}/confirm): {"status":503}',
        '- payments.confirm (POST /payments/{id}/confirm): {"example":"declined"}',
      ].join("\n"),
    );
    await hsrcpay.payments.confirm("pay_1", { payment_method: { id: "pm_1" } }).catch(() => {});
    await hsrcpay.payments.confirm("pay_1", { payment_method: { id: "pm_1" } });
    expect(() => mock.assertDone()).not.toThrow();
  });

  it("passes when nothing was scripted, and after reset", () => {
    const mock = createHsrcpayMock();
    mock.assertDone();
    mock.on("getPayment", { handler: () => new Response("{}") });
    expect(() => mock.assertDone()).toThrow(
      '- getPayment (GET /payments/{id}): {"handler":"[handler]"}',
    );
    mock.reset();
    mock.assertDone();
  });
});
