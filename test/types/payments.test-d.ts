// What the compiler says of payments: amounts are numbers, `secure_mode` is either reading the guides
// give, create resolves to the payment whichever way the answer wraps it, and a confirm's 3DS branch
// is typed. Compiled by `npm run typecheck`; each @ts-expect-error fails the build if its line ever
// compiles.
import { describe, expectTypeOf, it } from "vitest";
import {
  type ConfirmedPayment,
  createHsrcpayClient,
  type Payment,
  type PaymentResult,
} from "../../src/index.js";
import type { Result } from "../../src/internal/operation.js";

const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });

describe("payments", () => {
  it("takes the amount as a number and the currency as a string", () => {
    hsrcpay.payments.create({ amount: 12500, currency: "USD" });
    // @ts-expect-error an amount is a number in minor units, never a string
    hsrcpay.payments.create({ amount: "125.00", currency: "USD" });
    // @ts-expect-error the currency is required
    hsrcpay.payments.create({ amount: 12500 });
  });

  it("takes secure_mode as true, false or 'auto', and nothing else", () => {
    hsrcpay.payments.create({ amount: 1, currency: "USD", secure_mode: true });
    hsrcpay.payments.create({ amount: 1, currency: "USD", secure_mode: "auto" });
    // @ts-expect-error neither reading
    hsrcpay.payments.create({ amount: 1, currency: "USD", secure_mode: "always" });
  });

  it("resolves create to the payment, not to the `{ payment }` wrapper the guide shows", () => {
    expectTypeOf(hsrcpay.payments.create).returns.resolves.toEqualTypeOf<PaymentResult>();
    type Created = Awaited<Result<"post", "/payments/">>;
    expectTypeOf<Created["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Created["amount"]>().toEqualTypeOf<number>();
    expectTypeOf<Created>().toMatchTypeOf<Payment>();
  });

  it("types the confirm's 3DS branch", () => {
    expectTypeOf(hsrcpay.payments.confirm).returns.resolves.toEqualTypeOf<ConfirmedPayment>();
    type Next = NonNullable<ConfirmedPayment["confirmResult"]["paymentNextAction"]>;
    expectTypeOf<Next["url"]>().toEqualTypeOf<string>();
    expectTypeOf<ConfirmedPayment["confirmResult"]["ok"]>().toEqualTypeOf<boolean>();
  });

  it("takes a saved method or card data, in the confirm's own shapes", () => {
    hsrcpay.payments.confirm("pay_1", { payment_method: { id: "pm_1" } });
    hsrcpay.payments.confirm("pay_1", {
      payment_method: { data: { pan: "4111111111111111", month: "12", year: "30", cvv: "123" } },
    });
    // @ts-expect-error the payment method is required
    hsrcpay.payments.confirm("pay_1", {});
    const numeric = { pan: 4111111111111111, month: "12", year: "30" };
    // @ts-expect-error the card number is a string of digits, not a number
    hsrcpay.payments.confirm("pay_1", { payment_method: { data: numeric } });
  });
});
