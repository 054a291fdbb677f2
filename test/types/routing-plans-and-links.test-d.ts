// What the compiler says of routing plans, notifications and one-time links: an `include_<field>`
// flag set to `true` puts that field in the result's type (and its absence keeps it out), a
// consumed link is either content or a redirect, and a consume takes no `maxRetries`. Compiled by
// `npm run typecheck`; each @ts-expect-error fails the build if its line ever compiles.
import { describe, expectTypeOf, it } from "vitest";
import {
  type Charge,
  type ConsumedLink,
  createHsrcpayClient,
  type Notification,
  type Payment,
} from "../../src/index.js";

const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });

describe("routing plans", () => {
  it("retrieve with include_charges: true is typed with charges", async () => {
    const plan = await hsrcpay.routingPlans.retrieve("rp_1", { include_charges: true });
    expectTypeOf(plan.charges).toEqualTypeOf<Charge[]>();
    // @ts-expect-error payment was not asked for: it is not in the type
    plan.payment;
    // @ts-expect-error nor are the attempts
    plan.attempts;
  });

  it("each flag embeds its own field: attempts, charges, payment", async () => {
    const plan = await hsrcpay.routingPlans.retrieve("rp_1", {
      include_attempts: true,
      include_payment: true,
    });
    expectTypeOf(plan.payment).toEqualTypeOf<Payment | null>();
    expectTypeOf(plan.attempts).toBeArray();
    // @ts-expect-error charges were not asked for
    plan.charges;
  });

  it("a flag known only as a boolean leaves its field optional", async () => {
    const flag = Math.random() > 0.5;
    const plan = await hsrcpay.routingPlans.retrieve("rp_1", { include_charges: flag });
    expectTypeOf(plan.charges).toEqualTypeOf<Charge[] | undefined>();
  });

  it("list items follow the flags too", async () => {
    const page = await hsrcpay.routingPlans.list({ include_charges: true, limit: 10 });
    expectTypeOf(page.data[0]?.charges).toEqualTypeOf<Charge[] | undefined>();
    for await (const plan of hsrcpay.routingPlans.list({ include_payment: true })) {
      expectTypeOf(plan.payment).toEqualTypeOf<Payment | null>();
    }
    // @ts-expect-error not a flag of the list
    hsrcpay.routingPlans.list({ include_customer: true });
  });
});

describe("notifications", () => {
  it("archive and unarchive resolve to the notification", async () => {
    expectTypeOf(await hsrcpay.notifications.archive("ntf_1")).toMatchTypeOf<Notification>();
    expectTypeOf(await hsrcpay.notifications.unarchive("ntf_1")).toMatchTypeOf<Notification>();
    // @ts-expect-error no params: the id is the only input
    hsrcpay.notifications.archive("ntf_1", { archived: true }, {});
  });
});

describe("one-time links", () => {
  it("a consumed link is content or a redirect, told apart by kind", async () => {
    const consumed = await hsrcpay.oneTimeLinks.consume("otl_1");
    expectTypeOf(consumed).toEqualTypeOf<ConsumedLink>();
    if (consumed.kind === "redirect") {
      expectTypeOf(consumed.location).toEqualTypeOf<string | undefined>();
      // @ts-expect-error a redirect has no text
      consumed.text;
    } else {
      expectTypeOf(consumed.text).toEqualTypeOf<string>();
      expectTypeOf(consumed.contentType).toEqualTypeOf<string | undefined>();
    }
  });

  it("takes no maxRetries: a link is consumed once", () => {
    hsrcpay.oneTimeLinks.consume("otl_1", { timeout: 5_000 });
    // @ts-expect-error never retried
    hsrcpay.oneTimeLinks.consume("otl_1", { maxRetries: 2 });
  });
});
