// What the compiler tells a user of the provider catalogue and configs: a fee row takes the
// config's id and the row's, neither among the params; the fee update's fields are the spec's;
// the fee delete resolves to HSRCPAY's `{ deleted: true }`; credentials are a map or null.
import { describe, expectTypeOf, it } from "vitest";
import {
  createHsrcpayClient,
  type PaymentProviderConfig,
  type PaymentProviderConfigFee,
  type UpdatePaymentProviderConfigFeeParams,
} from "../../src/index.js";

const hsrcpay = createHsrcpayClient({ token: "sk_test_types00000000000000000001" });
const fees = hsrcpay.paymentProviderConfigs.fees;

describe("payment provider configs", () => {
  it("a fee row's two ids are the method's own arguments, not params", () => {
    expectTypeOf(fees.update).parameters.toMatchTypeOf<
      [string, string, UpdatePaymentProviderConfigFeeParams, ...unknown[]]
    >();
    // @ts-expect-error the fee row's id is an argument, not a field of params
    void fees.update("ppc_1", "fee_1", { feeId: "fee_2" });
    // @ts-expect-error the fee row's id is required
    void fees.delete("ppc_1");
    // @ts-expect-error a fee row field the spec does not have
    void fees.update("ppc_1", "fee_1", { percentage: 2 });
  });

  it("results: a fee row, HSRCPAY's { deleted: true }, credentials as a map or null", async () => {
    expectTypeOf<
      Awaited<ReturnType<typeof fees.update>>
    >().toMatchTypeOf<PaymentProviderConfigFee>();
    expectTypeOf<Awaited<ReturnType<typeof fees.delete>>["deleted"]>().toEqualTypeOf<true>();
    expectTypeOf<PaymentProviderConfig["credentials"]>().toEqualTypeOf<{
      [key: string]: unknown;
    } | null>();
  });
});
