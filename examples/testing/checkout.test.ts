import { ConflictError, createHsrcpayClient, type HsrcpayClient } from "@hsrcpay/client";
import { createHsrcpayMock } from "@hsrcpay/client/testing";
import { describe, expect, it } from "vitest";

// The code under test: a checkout that creates a payment and confirms it with the payer's card, and
// says where the payer goes next.
type Card = { pan: string; month: string; year: string; cvv: string };
async function checkout(hsrcpay: HsrcpayClient, paymentId: string, card: Card): Promise<string> {
  const { payment, confirmResult } = await hsrcpay.payments.confirm(
    paymentId,
    { payment_method: { data: card } },
    { idempotencyKey: `confirm-${paymentId}-${card.pan.slice(-4)}` },
  );
  if (confirmResult.paymentNextAction) return confirmResult.paymentNextAction.url; // 3-D Secure
  if (confirmResult.latestResult.kind === "error") return `/pay/${payment.id}?declined`;
  return `/orders/${payment.metadata.order_id}/thanks`;
}

// The sandbox card of HSRCPAY's spec; any card not on the sandbox allowlist is declined.
const sandboxCard = { pan: "4111111111111111", month: "12", year: "30", cvv: "123" };
const otherCard = { pan: "4000000000000002", month: "12", year: "30", cvv: "123" };

describe("checkout, against the in-process mock", () => {
  it("takes a payment through a decline to success, and finds it again (stateful)", async () => {
    const mock = createHsrcpayMock({ stateful: true });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    const { id } = await hsrcpay.payments.create({
      amount: 4200,
      currency: "USD",
      secure_mode: false,
      metadata: { order_id: "ord_1" },
    });
    expect(await checkout(hsrcpay, id, otherCard)).toBe(`/pay/${id}?declined`);
    expect(await checkout(hsrcpay, id, sandboxCard)).toBe("/orders/ord_1/thanks");

    const payment = await hsrcpay.payments.retrieve(id, { include_charges: true });
    expect(payment).toMatchObject({ amount: 4200, status: "SUCCEEDED" });
    expect(payment.charges?.map((charge) => charge.status)).toEqual(["DECLINED", "SUCCEEDED"]);
    const listed = await hsrcpay.payments.list();
    expect(listed.data.map((each) => each.id)).toEqual([id]);
    mock.assertNoViolations();
  });

  it("sends the payer to 3-D Secure when the payment asks for it", async () => {
    const mock = createHsrcpayMock({ stateful: true });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    const { id } = await hsrcpay.payments.create({
      amount: 4200,
      currency: "USD",
      secure_mode: true,
    });
    expect(await checkout(hsrcpay, id, sandboxCard)).toMatch(
      /^https:\/\/sandbox\.hsrcpay\.com\/3ds\//,
    );
    expect((await hsrcpay.payments.retrieve(id)).status).toBe("REQUIRES_ACTION");
  });

  it("answers with the spec's named example, scripted by method name", async () => {
    const mock = createHsrcpayMock().on("payments.confirm", { example: "declined" });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    expect(await checkout(hsrcpay, "pay_1", sandboxCard)).toBe(
      "/pay/pay_7Hs2Kq9LmP4xR1tV?declined",
    );
    mock.assertDone();
  });

  it("a 503 on confirm is retried with the same Idempotency-Key, and confirmed once", async () => {
    const mock = createHsrcpayMock({ stateful: true }).on("payments.confirm", { status: 503 });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    const { id } = await hsrcpay.payments.create({ amount: 4200, currency: "USD" });
    await checkout(hsrcpay, id, sandboxCard);
    const confirms = mock.calls.filter((call) => call.operationId === "confirmPayment");
    expect(new Set(confirms.map((call) => call.headers["idempotency-key"])).size).toBe(1);
    expect((await hsrcpay.charges.list()).total).toBe(1);
    mock.assertDone();
  });

  it("a 409 reaches the caller as a ConflictError", async () => {
    const mock = createHsrcpayMock().on("payments.confirm", { status: 409 });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    await expect(checkout(hsrcpay, "pay_1", sandboxCard)).rejects.toBeInstanceOf(ConflictError);
  });

  it("assertDone catches an outcome the code never asked for", async () => {
    const mock = createHsrcpayMock().on("payments.confirm", [
      { example: "succeeded" },
      { example: "declined" },
    ]);
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    await checkout(hsrcpay, "pay_1", sandboxCard);
    expect(() => mock.assertDone()).toThrow(/payments\.confirm .*"example":"declined"/);
  });

  it("catches a request the API would refuse, naming the field", async () => {
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    await hsrcpay.raw.POST("/payments/", {
      body: { amount: 12500, currency: "USD", amout: 12500 } as never,
    });
    expect(mock.violations).toMatchObject([{ operationId: "createPayment", field: "amout" }]);
  });
});
