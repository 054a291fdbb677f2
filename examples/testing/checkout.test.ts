import { ConflictError, createHsrcpayClient, type HsrcpayClient } from "@hsrcpay/client";
import { createHsrcpayMock } from "@hsrcpay/client/testing";
import { describe, expect, it } from "vitest";

// The code under test: a checkout that creates and confirms a payment, and says where the payer goes.
async function checkout(hsrcpay: HsrcpayClient, orderId: string): Promise<string> {
  const payment = await hsrcpay.payments.create({
    amount: 12500,
    currency: "USD",
    metadata: { order_id: orderId },
  });
  const { confirmResult } = await hsrcpay.payments.confirm(
    payment.id,
    { payment_method: { id: "pm_saved_card" } },
    { idempotencyKey: `confirm-${orderId}` },
  );
  return confirmResult.paymentNextAction?.url ?? `/orders/${orderId}/thanks`;
}

describe("checkout, against the in-process mock", () => {
  it("follows the 3-D Secure branch of the spec's example, and sends what the API accepts", async () => {
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    expect(await checkout(hsrcpay, "ord_1")).toMatch(/^https:\/\/sandbox\.hsrcpay\.com\/3ds\//);
    mock.assertNoViolations();
  });

  it("a 503 on confirm is retried with the same Idempotency-Key", async () => {
    const mock = createHsrcpayMock().on("confirmPayment", { status: 503 });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    await checkout(hsrcpay, "ord_2");
    const confirms = mock.calls.filter((call) => call.operationId === "confirmPayment");
    expect(confirms.map((call) => call.headers["idempotency-key"])).toEqual([
      "confirm-ord_2",
      "confirm-ord_2",
    ]);
  });

  it("a 409 reaches the caller as a ConflictError", async () => {
    const mock = createHsrcpayMock().on("confirmPayment", { status: 409 });
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    await expect(checkout(hsrcpay, "ord_3")).rejects.toBeInstanceOf(ConflictError);
  });

  it("walks every page of a seeded list", async () => {
    const payments = Array.from({ length: 25 }, (_, i) => ({
      id: `pay_${i}`,
      status: "SUCCEEDED",
    }));
    const mock = createHsrcpayMock().seed("listPayments", payments);
    const hsrcpay = createHsrcpayClient({ token: "sk_test_checkout", fetch: mock.fetch });
    const ids: string[] = [];
    for await (const payment of hsrcpay.payments.list({ limit: 10 })) ids.push(payment.id);
    expect(ids).toHaveLength(25);
    expect(mock.calls.map((call) => call.query.page)).toEqual(["1", "2", "3"]);
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
