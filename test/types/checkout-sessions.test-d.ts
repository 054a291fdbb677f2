// What the compiler says of checkout sessions: their amounts are decimal strings (a payment's are
// numbers), their status is spelt as HSRCPAY's guide spells it (`CANCELLED`), the confirm takes the
// token apart from its params and only card data. Compiled by `npm run typecheck`; each
// expected error fails the build if its line ever compiles.
import { describe, expectTypeOf, it } from "vitest";
import {
  type CheckoutSession,
  type CheckoutSessionResult,
  createHsrcpayClient,
  type Page,
} from "../../src/index.js";

const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });
const card = { pan: "4111111111111111", month: "12", year: "30", cvv: "123" };

describe("checkout sessions", () => {
  it("create takes amounts as decimal strings and resolves to the session, its token optional", () => {
    expectTypeOf(
      hsrcpay.checkoutSessions.create({ currency: "USD", fixed_amount: "125.00" }),
    ).toEqualTypeOf<Promise<CheckoutSessionResult>>();
    // @ts-expect-error an amount here is a string, as HSRCPAY's example shows it
    hsrcpay.checkoutSessions.create({ currency: "USD", fixed_amount: 125 });
    // @ts-expect-error the currency is required
    hsrcpay.checkoutSessions.create({ fixed_amount: "125.00" });
    expectTypeOf<CheckoutSession["token"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CheckoutSession["final_amount"]>().toEqualTypeOf<string | null>();
  });

  it("has the guide's six statuses, CANCELLED with two Ls", () => {
    expectTypeOf<CheckoutSession["status"]>().toEqualTypeOf<
      "PENDING" | "PROCESSING" | "COMPLETED" | "EXPIRED" | "CANCELLED" | "FAILED"
    >();
    const status: CheckoutSession["status"] = "CANCELLED";
    // @ts-expect-error a payment's spelling, not a checkout session's
    const canceled: CheckoutSession["status"] = "CANCELED";
    void [status, canceled];
  });

  it("confirm takes the token as its own argument and card data, not a saved method", () => {
    hsrcpay.checkoutSessions.confirm("cst_1", { payment_method: { data: card } });
    // @ts-expect-error the token is the method's argument, not a field of params
    hsrcpay.checkoutSessions.confirm("cst_1", { token: "cst_1", payment_method: { data: card } });
    // @ts-expect-error a saved payment method by id is not documented for the checkout
    hsrcpay.checkoutSessions.confirm("cst_1", { payment_method: { id: "pm_1" } });
  });

  it("search needs q and account_id, and resolves to one page", async () => {
    const found = await hsrcpay.checkoutSessions.search({ q: "ayse", account_id: "acct_1" });
    expectTypeOf(found).toMatchTypeOf<Page<CheckoutSession>>();
    // @ts-expect-error account_id is required
    hsrcpay.checkoutSessions.search({ q: "ayse" });
  });
});
