// Answers typed as the spec says them (scripts/generate-types.ts): enums closed to the documented
// values, objects closed to the declared fields (a free-form map such as `metadata` stays open),
// `oneOf` exclusive, and the `include_*` flags deciding which embedded fields a result has.
// Compiled by `npm run typecheck`; each @ts-expect-error fails the build if its line compiles.
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type ApiKeyResult,
  type Charge,
  type ConfirmedPayment,
  type Customer,
  type components,
  createHsrcpayClient,
  type DeclineCode,
  type DeclineKind,
  declineKind,
  type Payment,
} from "../../src/index.js";

type S = components["schemas"];
const hsrcpay = createHsrcpayClient({ token: "sk_test_x" });
declare const payment: Payment;
declare const confirmed: ConfirmedPayment;

describe("enums", () => {
  it("are the documented values, and nothing else", () => {
    expectTypeOf<S["ApiKeyType"]>().toEqualTypeOf<"SECRET">();
    expectTypeOf<S["ApiKeyStatus"]>().toEqualTypeOf<"ACTIVE">();
    expectTypeOf<S["ChargeStatus"]>().toEqualTypeOf<
      "CREATED" | "AUTHORIZED" | "SUCCEEDED" | "DECLINED" | "FAILED"
    >();
    expectTypeOf<Payment["status"]>().toEqualTypeOf<
      | "CREATED"
      | "REQUIRES_PAYMENT_METHOD"
      | "REQUIRES_ACTION"
      | "PROCESSING"
      | "AUTHORIZED"
      | "SUCCEEDED"
      | "CANCELED"
      | "REFUNDED"
      | "EXPIRED"
    >();
    expectTypeOf<ConfirmedPayment["confirmResult"]["latestResult"]["kind"]>().toEqualTypeOf<
      "success" | "requires_action" | "error"
    >();
    expectTypeOf<ApiKeyResult["type"]>().toEqualTypeOf<"SECRET">();
  });

  it("catch a misspelt value in a comparison", () => {
    assertType<boolean>(payment.status === "SUCCEEDED");
    // @ts-expect-error SUCEEDED is no status: the comparison can never be true
    assertType<boolean>(payment.status === "SUCEEDED");
    assertType<boolean>(confirmed.confirmResult.latestResult.kind === "requires_action");
    // @ts-expect-error the kind is spelt with an underscore
    assertType<boolean>(confirmed.confirmResult.latestResult.kind === "requires-action");
    // @ts-expect-error a key's type is SECRET, upper case
    assertType<S["ApiKeyType"]>("secret");
  });

  it("are strings to read", () => {
    assertType<string>(payment.status.toLowerCase());
    // @ts-expect-error a status is a string, never a number
    assertType<S["ApiKeyStatus"]>(1);
  });

  it("type a decline's code with the guide's codes, and its kind", () => {
    expectTypeOf<
      NonNullable<ConfirmedPayment["confirmResult"]["latestResult"]["errCode"]>
    >().toEqualTypeOf<DeclineCode>();
    assertType<DeclineCode>("invalid_payment_method");
    assertType<DeclineCode>("system_network_econnreset");
    // @ts-expect-error not a code the guide lists
    assertType<DeclineCode>("card_declined");
    expectTypeOf(declineKind(confirmed.confirmResult)).toEqualTypeOf<DeclineKind>();
    expectTypeOf<DeclineKind>().toEqualTypeOf<"hard" | "soft" | "unknown">();
  });
});

describe("answer objects", () => {
  it("have the declared fields only", () => {
    assertType<string>(payment.status);
    // @ts-expect-error stauts is not a field of a payment
    assertType<unknown>(payment.stauts);
    assertType<unknown>(confirmed.confirmResult.paymentNextAction);
    // @ts-expect-error paymentNextActions is not a field of a confirm's result
    assertType<unknown>(confirmed.confirmResult.paymentNextActions);
    // @ts-expect-error captured_amounts is not a field of a charge
    assertType<unknown>(({} as Charge).captured_amounts);
  });

  it("keep free-form maps open: metadata holds any key", () => {
    expectTypeOf(payment.metadata.order_id).toEqualTypeOf<unknown>();
    expectTypeOf<S["Metadata"]>().toEqualTypeOf<{ [key: string]: unknown }>();
  });
});

describe("requests", () => {
  const card = { pan: "4111111111111111", month: "12", year: "30", cvv: "123" };

  it("take one form of a oneOf, never both", () => {
    assertType(hsrcpay.payments.confirm("pay_1", { payment_method: { id: "pm_1" } }));
    assertType(hsrcpay.payments.confirm("pay_1", { payment_method: { data: card } }));
    // @ts-expect-error a saved method or card data, not both
    hsrcpay.payments.confirm("pay_1", { payment_method: { id: "pm_1", data: card } });
    const routing = { payment_provider_config_id: "ppc_1", provider_identifier: "stripe" };
    const saved = { id: "pm_1" };
    // @ts-expect-error one routing form
    hsrcpay.payments.confirm("pay_1", { payment_method: saved, routing_strategy: routing });
    const both = { account_id: "a", workspace_membership_id: "w", email: "x@y.example" };
    // @ts-expect-error an email or a workspace membership, not both
    hsrcpay.accountMemberships.create(both);
  });

  it("close request enums too: an event HSRCPAY does not document does not compile", () => {
    assertType(
      hsrcpay.webhooks.create({
        endpoint: "https://e.example",
        enabled_events: ["payment.succeeded"],
      }),
    );
    const endpoint = "https://e.example";
    // @ts-expect-error payment.succeded is misspelt
    hsrcpay.webhooks.create({ endpoint, enabled_events: ["payment.succeded"] });
  });
});

describe("include_* flags", () => {
  it("embed a field with `true`, and leave it out of the type without the flag", async () => {
    const plain = await hsrcpay.payments.retrieve("pay_1");
    // @ts-expect-error charges are not there without include_charges
    assertType<unknown>(plain.charges);
    const withCharges = await hsrcpay.payments.retrieve("pay_1", { include_charges: true });
    expectTypeOf(withCharges.charges).toEqualTypeOf<Charge[]>();
    assertType<number>(withCharges.charges.length);
    // @ts-expect-error events were not asked for
    assertType<unknown>(withCharges.events);
    const without = await hsrcpay.payments.retrieve("pay_1", { include_charges: false });
    // @ts-expect-error false embeds nothing
    assertType<unknown>(without.charges);
    expectTypeOf(withCharges.lastResponse.status).toEqualTypeOf<number>();
  });

  it("type every flag of the spec, customer's null included", async () => {
    const all = await hsrcpay.payments.retrieve("pay_1", {
      include_charges: true,
      include_routing_plans: true,
      include_events: true,
      include_customer: true,
    });
    expectTypeOf(all.routing_plans).toEqualTypeOf<{ [key: string]: unknown }[]>();
    expectTypeOf(all.events).toEqualTypeOf<{ [key: string]: unknown }[]>();
    expectTypeOf(all.customer).toEqualTypeOf<Customer | null>();
    const customer = await hsrcpay.customers.retrieve("cus_1", { include_payment_methods: true });
    assertType<unknown[]>(customer.payment_methods);
    const bare = await hsrcpay.customers.retrieve("cus_1");
    // @ts-expect-error payment methods only with include_payment_methods
    assertType<unknown>(bare.payment_methods);
  });

  it("narrow each item of a list", async () => {
    for await (const item of hsrcpay.payments.list({ limit: 10, include_charges: true })) {
      expectTypeOf(item.charges).toEqualTypeOf<Charge[]>();
    }
    const page = await hsrcpay.payments.list();
    // @ts-expect-error charges are not there without the flag
    assertType<unknown>(page.data[0]?.charges);
  });

  it("leave a field optional when the flag is only known to be a boolean", async () => {
    const flag = Math.random() > 0.5;
    const maybe = await hsrcpay.payments.retrieve("pay_1", { include_charges: flag });
    expectTypeOf(maybe.charges).toEqualTypeOf<Charge[] | undefined>();
  });
});

describe("raw", () => {
  it("is typed by the same closed types", () => {
    const call = hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: "acct_1" } },
      body: { name: "n", permissions: {} },
    });
    type RawKey = NonNullable<Awaited<typeof call>["data"]>["data"];
    expectTypeOf<RawKey["type"]>().toEqualTypeOf<"SECRET">();
    expectTypeOf<RawKey>().toEqualTypeOf<S["ApiKey"]>();
  });
});
